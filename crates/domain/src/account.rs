//! People who sign in, their roles, and the password rules.

use crate::organisation::string_enum;
use crate::{OrgId, UserId};
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

string_enum!(
    /// A role is always held within one organisation (its scope).
    Role {
        NetworkAdmin = "network_admin",
        CentreStaff = "centre_staff",
        FocalPoint = "focal_point",
        Applicant = "applicant",
        Expert = "expert",
        /// Sees and sets applicants' vetting status; nothing else.
        Vetter = "vetter",
    }
);

/// One role held by a user within one organisation.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RoleGrant {
    pub role: Role,
    pub org_id: OrgId,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct User {
    pub id: UserId,
    pub email: String,
    pub display_name: String,
    /// Interface language chosen by the user; `None` follows the browser.
    pub locale: Option<String>,
    pub timezone: Option<String>,
    pub roles: Vec<RoleGrant>,
    pub created_at: DateTime<Utc>,
}

impl User {
    pub fn has_role(&self, role: Role) -> bool {
        self.roles.iter().any(|g| g.role == role)
    }
    /// Organisations in which the user holds `role`.
    pub fn orgs_with(&self, role: Role) -> impl Iterator<Item = OrgId> + '_ {
        self.roles
            .iter()
            .filter(move |g| g.role == role)
            .map(|g| g.org_id)
    }
}

pub const PASSWORD_MIN_CHARS: usize = 12;
pub const PASSWORD_MAX_CHARS: usize = 256;

/// Common passwords of twelve characters or more (shorter ones fail the
/// length rule anyway). Compared case-insensitively.
const COMMON_PASSWORDS: &str = include_str!("common-passwords.txt");

/// Checks a new password: length, not a common one, not built from the
/// user's email, not a single repeated character or a keyboard run.
/// Returns the stable code of the first rule broken.
pub fn check_password(password: &str, email: &str) -> Result<(), &'static str> {
    let n = password.chars().count();
    if n < PASSWORD_MIN_CHARS {
        return Err("password_too_short");
    }
    if n > PASSWORD_MAX_CHARS {
        return Err("too_long");
    }
    let lower = password.to_lowercase();
    let local = email.split('@').next().unwrap_or("").to_lowercase();
    if COMMON_PASSWORDS.lines().any(|l| l.trim() == lower)
        || (local.len() >= 4 && lower.contains(&local))
        || lower.chars().all(|c| lower.starts_with(c))
        || is_run(&lower)
    {
        return Err("password_too_common");
    }
    Ok(())
}

/// A run along a common sequence such as "123456789012" or "abcdefghijkl".
fn is_run(s: &str) -> bool {
    const SEQUENCES: [&str; 4] = [
        "01234567890123456789",
        "abcdefghijklmnopqrstuvwxyzabcdefghijklmnopqrstuvwxyz",
        "qwertyuiopasdfghjklzxcvbnmqwertyuiop",
        "98765432109876543210",
    ];
    SEQUENCES.iter().any(|seq| seq.contains(s))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn password_rules() {
        assert_eq!(check_password("short", "a@b.c"), Err("password_too_short"));
        assert_eq!(
            check_password("123456789012", "a@b.c"),
            Err("password_too_common")
        );
        assert_eq!(
            check_password("Passwordpassword", "a@b.c"),
            Err("password_too_common")
        );
        assert_eq!(
            check_password("aaaaaaaaaaaaaa", "a@b.c"),
            Err("password_too_common")
        );
        assert_eq!(
            check_password("focalpoint-2018!", "focalpoint@dakar.demo"),
            Err("password_too_common")
        );
        assert_eq!(check_password("Han river at dusk 1996", "a@b.c"), Ok(()));
    }
}
