//! The invitation letter a confirmed participant shows for their visa.
//!
//! Letters are written in English, French or Spanish (the applicant's
//! language when it is one of these, else English): consulates read them,
//! and the PDF's standard fonts carry Latin script only — which is also the
//! script of the passport name the letter must match.

use crate::{Ctx, Services, from_store};
use chrono::Utc;
use miti_domain::application::Outcome;
use miti_domain::{DomainError, Id};
use miti_reports::{Letter, Rendered};

/// The letter's sentences in one language.
struct Wording {
    subject: &'static str,
    dear: &'static str,
    invite: &'static str,
    covered: &'static str,
    airfare_covered: &'static str,
    airfare_not: &'static str,
    visa: &'static str,
    closing: &'static str,
}

const EN: Wording = Wording {
    subject: "Letter of invitation — {programme}",
    dear: "Dear {name},",
    invite: "On behalf of {host}, we are pleased to confirm that {name}, {position}, {department}, {city}, has been selected to take part in the training programme \"{programme}\", to be held in {venue} from {arrival} to {departure}.",
    covered: "The organisers will provide accommodation for {nights} nights during the programme.",
    airfare_covered: "The organisers will also cover the participant's international airfare.",
    airfare_not: "International airfare is not covered by the organisers and remains the responsibility of the participant or their city government.",
    visa: "We kindly ask the consular authorities to grant the participant the visa needed to attend. Please do not hesitate to contact us for any further information.",
    closing: "Yours sincerely,",
};

const FR: Wording = Wording {
    subject: "Lettre d'invitation — {programme}",
    dear: "Madame, Monsieur,",
    invite: "Au nom de {host}, nous avons le plaisir de confirmer que {name}, {position}, {department}, {city}, a été sélectionné·e pour participer au programme de formation « {programme} », qui se tiendra à {venue} du {arrival} au {departure}.",
    covered: "Les organisateurs prendront en charge l'hébergement pendant {nights} nuits durant le programme.",
    airfare_covered: "Les organisateurs prendront également en charge le billet d'avion international.",
    airfare_not: "Le billet d'avion international n'est pas pris en charge par les organisateurs ; il reste à la charge du participant ou de sa ville.",
    visa: "Nous prions les autorités consulaires de bien vouloir accorder au participant le visa nécessaire. Nous restons à votre disposition pour toute information complémentaire.",
    closing: "Veuillez agréer nos salutations distinguées,",
};

const ES: Wording = Wording {
    subject: "Carta de invitación — {programme}",
    dear: "Estimado/a {name}:",
    invite: "En nombre de {host}, nos complace confirmar que {name}, {position}, {department}, {city}, ha sido seleccionado/a para participar en el programa de formación «{programme}», que se celebrará en {venue} del {arrival} al {departure}.",
    covered: "Los organizadores cubrirán el alojamiento durante {nights} noches del programa.",
    airfare_covered: "Los organizadores cubrirán también el billete de avión internacional.",
    airfare_not: "El billete de avión internacional no está cubierto por los organizadores y corre a cargo del participante o de su gobierno local.",
    visa: "Rogamos a las autoridades consulares que concedan al participante el visado necesario. Quedamos a su disposición para cualquier información adicional.",
    closing: "Atentamente,",
};

fn fill(template: &str, values: &[(&str, &str)]) -> String {
    values.iter().fold(template.to_string(), |t, (k, v)| {
        t.replace(&format!("{{{k}}}"), v)
    })
}

impl Services {
    /// The invitation letter of a confirmed participant, for the participant
    /// or the host centre's staff.
    pub async fn invitation_letter(&self, ctx: &Ctx, id: Id) -> Result<Rendered, DomainError> {
        let user = ctx.user()?;
        let app = self.application_by_id(id).await?;
        let programme = self.programme_by_id(app.programme_id).await?;
        let staff = miti_domain::policy::in_scope(
            user,
            miti_domain::policy::Action::ApplicationManage,
            programme.input.host_org_id,
        );
        if app.user_id != user.id && !staff {
            return Err(DomainError::NotFound);
        }
        if app.decision.as_ref().map(|d| d.outcome) != Some(Outcome::Confirmed) {
            return Err(DomainError::Conflict("not_confirmed"));
        }
        let profile = app.profile.clone().ok_or(DomainError::NotFound)?;
        let host = self
            .store
            .organisation(programme.input.host_org_id)
            .await
            .map_err(from_store)?
            .ok_or(DomainError::NotFound)?;
        let applicant = self.store.user(app.user_id).await.map_err(from_store)?;
        let lang = match applicant.as_ref().and_then(|u| u.locale.as_deref()) {
            Some("fr") => "fr",
            Some("es") => "es",
            _ => "en",
        };
        let w = match lang {
            "fr" => &FR,
            "es" => &ES,
            _ => &EN,
        };
        let nights = app
            .logistics
            .as_ref()
            .map_or(programme.input.support.lodging_nights, |l| l.lodging_nights)
            .to_string();
        let title = programme.input.title.get(lang).to_string();
        let host_name = host.name.get(lang).to_string();
        let (arrival, departure) = (
            programme.input.arrival.to_string(),
            programme.input.departure.to_string(),
        );
        let city = format!("{} ({})", profile.city_name, profile.country);
        let values = [
            ("programme", title.as_str()),
            ("name", profile.passport_name.as_str()),
            ("host", host_name.as_str()),
            ("position", profile.position.as_str()),
            ("department", profile.department.as_str()),
            ("city", city.as_str()),
            ("venue", programme.input.venue.as_str()),
            ("arrival", arrival.as_str()),
            ("departure", departure.as_str()),
            ("nights", nights.as_str()),
        ];
        let now = Utc::now();
        let letter = Letter {
            letterhead: vec![
                host_name.clone(),
                host.city.clone().unwrap_or_default(),
                programme.input.contact_email.clone(),
            ],
            place_and_date: format!(
                "{}, {}",
                host.city.clone().unwrap_or_default(),
                now.date_naive()
            ),
            reference: format!("MITI-{}-{}", programme.id, app.id),
            recipient: vec![
                profile.passport_name.clone(),
                profile.position.clone(),
                profile.department.clone(),
                city.clone(),
            ],
            subject: fill(w.subject, &values),
            paragraphs: vec![
                fill(w.dear, &values),
                fill(w.invite, &values),
                format!(
                    "{} {}",
                    fill(w.covered, &values),
                    if programme.input.support.airfare_covered {
                        w.airfare_covered
                    } else {
                        w.airfare_not
                    }
                ),
                w.visa.to_string(),
            ],
            closing: w.closing.to_string(),
            signatory: vec![host_name.clone(), programme.input.contact_email.clone()],
            title: fill(w.subject, &values),
            created: now.naive_utc(),
        };
        Ok(letter.render())
    }
}
