### Sign-in, password reset, account settings, API tokens, account e-mails.

## Sign-in

login-title = Sign in
login-email = E-mail address
login-password = Password
login-submit = Sign in
login-failed = The e-mail address or password is incorrect.
# $minutes (number): how long the user has to wait.
login-rate-limited =
    { $minutes ->
        [one] Too many sign-in attempts. Please try again in { $minutes } minute.
       *[other] Too many sign-in attempts. Please try again in { $minutes } minutes.
    }
logout-done = You have been signed out.
forgot-password-link = Forgot your password?

## Password reset

reset-request-title = Reset your password
reset-request-intro = Enter the e-mail address of your account. If it is registered, we will send you a link to choose a new password.
reset-request-submit = Send the reset link
reset-request-sent = If an account exists for this address, a reset link is on its way. Please check your inbox.
reset-title = Choose a new password
reset-new-password = New password
reset-confirm-password = Confirm the new password
reset-submit = Save the new password
reset-done = Your password has been changed. You can now sign in.
reset-invalid-token = This reset link is invalid or has expired. Please request a new one.
# $min (number): minimum password length in characters.
password-too-short =
    { $min ->
        [one] The password must be at least { $min } character long.
       *[other] The password must be at least { $min } characters long.
    }
password-too-common = This password is too common. Please choose a less predictable one.
password-mismatch = The two passwords do not match.

## Account settings

account-title = My account
account-language = Interface language
account-timezone = Time zone
account-save = Save preferences
account-saved = Your preferences have been saved.

## API tokens

tokens-title = API tokens
tokens-intro = API tokens let scripts and other systems use miti on your behalf. Treat them like passwords.
token-name = Token name
token-create = Create token
token-created-once = Copy this token now; it will not be shown again.
token-revoke = Revoke
token-revoked = The token has been revoked.
token-none = You have no API tokens.
token-last-used = Last used
token-never-used = Never used

## E-mails (plain text: format with tr_args_plain so no isolation marks end up in links)

email-reset-subject = Reset your miti password
# $link (string): the reset URL, kept alone on its own line.
# $minutes (number): how long the link stays valid.
email-reset-body =
    Hello,

    Someone (hopefully you) asked to reset the password of your miti account.
    To choose a new password, open this link within { $minutes ->
        [one] { $minutes } minute
       *[other] { $minutes } minutes
    }:

    { $link }

    If you did not ask for this, ignore this message; your password stays unchanged.
email-footer = This message was sent automatically by miti, the operations platform of the Metropolis International Training Institute. Please do not reply to it.

# $name (string), $link (string), $days (number): invitation to a new account.
email-welcome-subject = Your miti account
email-welcome-body =
    Hello { $name },

    An account has been created for you on miti, the platform of the Metropolis International Training Institute network.
    To choose your password, open this link within { $days ->
        [one] { $days } day
       *[other] { $days } days
    }:

    { $link }
