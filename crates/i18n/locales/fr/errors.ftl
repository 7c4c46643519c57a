### Pages d’erreur et messages de validation des formulaires.

## Pages d’erreur

error-title = Une erreur s’est produite
error-not-found = La page demandée n’existe pas.
error-forbidden = Vous n’avez pas l’autorisation d’effectuer cette action.
error-csrf = Le formulaire a expiré. Veuillez recharger la page et réessayer.
error-validation = Certains champs sont à vérifier. Veuillez corriger le formulaire.
error-internal = Une erreur inattendue s’est produite. Veuillez réessayer plus tard.
error-too-large = Le fichier ou la requête est trop volumineux.
error-unauthorized = Veuillez vous connecter pour continuer.
error-too-many-requests = Trop de requêtes. Veuillez patienter un instant avant de réessayer.
error-conflict = Quelqu’un d’autre a modifié cet enregistrement entre-temps. Veuillez recharger la page et réessayer.
error-bad-request = La requête n’a pas pu être comprise.

## Champs de formulaire

field-required = Ce champ est obligatoire.
field-invalid-email = Veuillez saisir une adresse électronique valide.
field-too-long =
    { $max ->
        [one] Veuillez utiliser au plus { $max } caractère.
       *[other] Veuillez utiliser au plus { $max } caractères.
    }
field-invalid-date = Veuillez saisir une date valide.
field-invalid-choice = Veuillez choisir l’une des options proposées.
field-invalid-url = Veuillez saisir une adresse web valide (commençant par https://).
field-control-character = Retirez le caractère de contrôle (par exemple NUL) de ce texte.
field-invalid-country = Veuillez choisir un pays valide.
field-invalid-timezone = Veuillez choisir un fuseau horaire valide.
field-date-order = La date de fin ne peut pas précéder la date de début.
field-invalid-slug = N’utilisez que des lettres minuscules, des chiffres et des tirets.
field-email-taken = Un compte existe déjà avec cette adresse e-mail.
field-slug-taken = Une autre organisation utilise déjà cet identifiant.
field-membership-overlap = Cette période chevauche une période d’adhésion existante.
field-mou-needs-two-parties = Choisissez au moins deux parties.
field-lifecycle-not-a-centre = Seuls les centres de formation ont un cycle de vie.
field-file-too-large = Le fichier est trop volumineux (au plus { $max } Mo).
field-upload-malformed = L’envoi est arrivé incomplet ou mal formé. Choisissez à nouveau le fichier et renvoyez le formulaire.
field-file-type = Seuls les fichiers PDF, JPEG et PNG sont acceptés.
field-unknown-organisation = L’une des organisations choisies n’existe pas.
