### Le réseau : organisations, régions, cycle d’adhésion, personnes, protocoles d’accord, rôles.

## Organisations

org-list-title = Organisations
org-search = Rechercher des organisations
org-search-placeholder = Nom, ville ou pays
org-filter-kind = Type
org-filter-region = Région
org-filter-status = Statut
org-count =
    { $count ->
        [one] { $count } organisation
        [many] { $count } d’organisations
       *[other] { $count } organisations
    }
org-none = Aucune organisation ne correspond à ces critères.
org-kind-secretariat = Secrétariat
org-kind-headquarters = Siège
org-kind-regional-centre = Centre régional
org-kind-regional-secretariat = Secrétariat régional
org-kind-member-city = Ville membre
org-kind-partner = Partenaire
org-name = Nom
org-names-intro = Indiquez le nom dans chaque langue que vous connaissez ; la langue principale s’affiche lorsqu’une traduction manque.
org-main-language = Langue principale
org-kind = Type d’organisation
org-country = Pays
org-region = Région
org-city = Ville
org-website = Site web
org-timezone = Fuseau horaire
org-working-languages = Langues de travail
org-status = Statut
org-membership = Adhésion
org-member = Membre
org-not-member = Non membre
org-member-since = Membre depuis
org-member-until = Fin de l’adhésion
org-membership-add = Ajouter une période d’adhésion
org-new = Nouvelle organisation
org-edit = Modifier l’organisation
org-save = Enregistrer l’organisation
org-created = L’organisation a été créée.
org-updated = L’organisation a été mise à jour.
org-details = Détails
org-parent = Organisation de rattachement

## Régions

region-africa = Afrique
region-asia-pacific = Asie-Pacifique
region-europe = Europe
region-latin-america = Amérique latine
region-north-america = Amérique du Nord
region-middle-east-west-asia = Moyen-Orient et Asie occidentale

## Cycle d’adhésion

lifecycle-title = Cycle de vie du centre
lifecycle-candidate = Candidature
lifecycle-active = Active
lifecycle-withdrawing = Retrait en cours
lifecycle-withdrawn = Retirée
lifecycle-event-add = Enregistrer un changement de statut
lifecycle-to-status = Nouveau statut
lifecycle-date = Date d’effet
lifecycle-note = Remarque
lifecycle-document = Pièce justificative
lifecycle-invalid-transition = Le statut ne peut pas passer de « { $from } » à « { $to } ».

## Personnes

people-title = Personnes
person-name = Nom complet
person-email = Adresse électronique
person-phone = Téléphone
person-organisation = Organisation
person-contact-role = Fonction
person-add = Ajouter une personne de contact
person-none = Aucune personne de contact n’a encore été enregistrée.
contact-role-focal-point = Point focal
contact-role-director = Direction
contact-role-coordinator = Coordination
contact-role-international-relations = Relations internationales
contact-role-other = Autre

## Protocoles d’accord

mou-title = Protocole d’accord
mou-list-title = Protocoles d’accord
mou-name = Intitulé
mou-parties = Parties signataires
mou-signed-on = Date de signature
mou-overseen-by = Suivi par
mou-valid-until = Valable jusqu’au
mou-open-ended = Durée indéterminée
mou-file = Document signé
mou-download = Télécharger le document signé
mou-add = Ajouter un protocole d’accord
mou-none = Aucun protocole d’accord n’a été enregistré.

## Rôles

role-network-admin = Administration du réseau
role-centre-staff = Personnel de centre
role-focal-point = Point focal
role-applicant = Personne candidate
role-expert = Personne experte
role-vetter = Chargé·e de vérification
