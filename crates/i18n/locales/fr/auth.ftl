### Connexion, réinitialisation du mot de passe, compte, jetons d’API, courriels.

## Connexion

login-title = Connexion
login-email = Adresse électronique
login-password = Mot de passe
login-submit = Se connecter
login-failed = L’adresse électronique ou le mot de passe est incorrect.
login-rate-limited =
    { $minutes ->
        [one] Trop de tentatives de connexion. Veuillez réessayer dans { $minutes } minute.
       *[other] Trop de tentatives de connexion. Veuillez réessayer dans { $minutes } minutes.
    }
logout-done = Votre session a été fermée.
forgot-password-link = Mot de passe oublié ?

## Réinitialisation du mot de passe

reset-request-title = Réinitialiser votre mot de passe
reset-request-intro = Saisissez l’adresse électronique de votre compte. Si elle est enregistrée, nous vous enverrons un lien pour choisir un nouveau mot de passe.
reset-request-submit = Envoyer le lien de réinitialisation
reset-request-sent = Si un compte existe pour cette adresse, un lien de réinitialisation vient d’être envoyé. Veuillez consulter votre boîte de réception.
reset-title = Choisir un nouveau mot de passe
reset-new-password = Nouveau mot de passe
reset-confirm-password = Confirmer le nouveau mot de passe
reset-submit = Enregistrer le nouveau mot de passe
reset-done = Votre mot de passe a été modifié. Vous pouvez maintenant vous connecter.
reset-invalid-token = Ce lien de réinitialisation est invalide ou a expiré. Veuillez en demander un nouveau.
password-too-short =
    { $min ->
        [one] Le mot de passe doit contenir au moins { $min } caractère.
       *[other] Le mot de passe doit contenir au moins { $min } caractères.
    }
password-too-common = Ce mot de passe est trop courant. Veuillez en choisir un moins prévisible.
password-mismatch = Les deux mots de passe ne correspondent pas.

## Compte

account-title = Mon compte
account-language = Langue de l’interface
account-timezone = Fuseau horaire
account-save = Enregistrer les préférences
account-saved = Vos préférences ont été enregistrées.

## Jetons d’API

tokens-title = Jetons d’API
tokens-intro = Les jetons d’API permettent à des scripts et à d’autres systèmes d’utiliser miti en votre nom. Traitez-les comme des mots de passe.
token-name = Nom du jeton
token-create = Créer un jeton
token-created-once = Copiez ce jeton maintenant ; il ne sera plus affiché.
token-revoke = Révoquer
token-revoked = Le jeton a été révoqué.
token-none = Vous n’avez aucun jeton d’API.
token-last-used = Dernière utilisation
token-never-used = Jamais utilisé

## Courriels

email-reset-subject = Réinitialisation de votre mot de passe miti
email-reset-body =
    Bonjour,

    Une demande de réinitialisation du mot de passe de votre compte miti a été faite, probablement par vous.
    Pour choisir un nouveau mot de passe, ouvrez ce lien dans un délai de { $minutes ->
        [one] { $minutes } minute
       *[other] { $minutes } minutes
    } :

    { $link }

    Si vous n’êtes pas à l’origine de cette demande, ignorez ce message ; votre mot de passe reste inchangé.
email-footer = Ce message a été envoyé automatiquement par miti, la plateforme opérationnelle de l’Institut international de formation de Metropolis. Merci de ne pas y répondre.

email-welcome-subject = Votre compte miti
email-welcome-body =
    Bonjour { $name },

    Un compte a été créé pour vous sur miti, la plateforme du réseau de l’Institut international de formation de Metropolis.
    Pour choisir votre mot de passe, ouvrez ce lien dans { $days ->
        [one] { $days } jour
       *[other] les { $days } jours
    } :

    { $link }
