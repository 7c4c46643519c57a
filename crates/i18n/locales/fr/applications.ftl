# Candidatures, désignations, évaluation, entretiens, vérification, sélection, décisions.

nav-applications = Mes candidatures
nav-nominations = Désignations
nav-reviews = Évaluations
nav-vetting = Vérification

signup-title = Créer un compte de personne candidate
signup-intro = Portez-vous candidat·e aux programmes de formation du réseau. Nous vous enverrons par courriel un lien pour choisir votre mot de passe.
signup-name = Votre nom
signup-submit = Créer le compte
signup-sent = Si cette adresse peut recevoir du courrier, un lien pour choisir votre mot de passe est en route.

application-mine-title = Mes candidatures
application-none = Vous n’avez encore aucune candidature. Trouvez un programme dans le catalogue.
application-apply = Postuler
application-programme = Programme
application-status = Statut
application-status-draft = Brouillon
application-status-submitted = Soumise
application-status-withdrawn = Retirée
application-decision = Décision
application-deadline = Date limite
application-pipeline = Où en est votre candidature
application-about-you = À propos de vous
application-questions = Questions de l’appel
application-question-conditional = Nécessaire seulement pour certaines réponses à « { $question } ».
application-city = Ville
application-city-not-listed = Ma ville ne figure pas dans la liste
application-member = Ville membre
application-non-member = Ville non membre
application-field-passport-name = Nom complet tel qu’il figure sur votre passeport (lettres latines)
application-field-gender = Genre
application-field-nationality = Nationalité (code du pays, p. ex. SN)
application-field-city-org-id = Votre ville
application-field-city-name = Ville (si elle ne figure pas dans la liste)
application-field-country = Code du pays (si la ville ne figure pas dans la liste)
application-field-region = Région du monde (si la ville ne figure pas dans la liste)
application-field-position = Poste
application-field-department = Service ou organisation
application-field-interview-language = Langue de votre entretien
application-documents = Documents
application-documents-complete = Tous les documents requis sont joints.
application-documents-missing = Certains documents requis manquent.
application-upload = Téléverser
application-endorsement = Approbation de la ville
application-rank = Rang
application-interview = Entretien de langue
application-vetting = Vérification
application-waitlist-position = rang sur la liste d’attente
application-seat = place
application-respond-by = réponse avant le
application-save-draft = Enregistrer le brouillon
application-submit = Soumettre la candidature
application-save-changes = Enregistrer les modifications
application-withdraw = Retirer ma candidature
application-offer = Une place vous est proposée
application-offer-text = Veuillez confirmer ou décliner avant le
application-offer-confirm = Confirmer ma place
application-offer-decline = Décliner
application-logistics = Voyage et séjour
application-letter = Lettre d’invitation pour votre visa (PDF)
application-airfare-not-covered = Le billet d’avion international n’est pas pris en charge par ce programme.
application-draft-saved = Brouillon enregistré.
application-submitted = Candidature soumise. Une confirmation vous est envoyée par courriel.
application-document-uploaded = Document téléversé.
application-withdrawn = Candidature retirée.
application-offer-confirmed = Votre place est confirmée.
application-offer-declined = Vous avez décliné l’offre.
application-logistics-saved = Informations de voyage enregistrées.

gender-female = Femme
gender-male = Homme
gender-other = Autre
gender-undisclosed = Je préfère ne pas répondre

endorsement-pending = En attente de la ville
endorsement-endorsed = Approuvée
endorsement-declined = Refusée

interview-scheduled = Planifié
interview-passed = Réussi
interview-failed = Non réussi
interview-no-show = Absence
interview-slot = Date et heure (fuseau horaire du centre hôte)
interview-interviewer = Personne chargée de l’entretien
interview-language = Langue
interview-outcome = Résultat
interview-level = Niveau
interview-notes = Notes
interview-saved = Entretien enregistré.

vetting-title = Vérification
vetting-none = Rien à vérifier.
vetting-pending = En attente
vetting-cleared = Validée
vetting-refused = Refusée
vetting-saved = Statut de vérification enregistré.

outcome-offered = Place proposée
outcome-confirmed = Participation confirmée
outcome-declined = Offre déclinée
outcome-expired = Offre expirée
outcome-waitlisted = Sur liste d’attente
outcome-not-selected = Non retenu·e

logistics-arrival-date = Date d’arrivée
logistics-arrival-time = Heure d’arrivée
logistics-arrival-flight = Vol d’arrivée
logistics-departure-date = Date de départ
logistics-departure-time = Heure de départ
logistics-departure-flight = Vol de départ
logistics-lodging-nights = Nuits d’hébergement
logistics-dietary = Besoins alimentaires
logistics-access = Besoins d’accessibilité

nomination-title = Désignations de ma ville
nomination-none = Aucune candidature de votre ville pour l’instant.
nomination-decision = Décision de la ville
nomination-comment = Commentaire (obligatoire en cas de refus)
nomination-saved = Décision enregistrée.

review-title = Mes évaluations
review-none = Aucune candidature ne vous est attribuée.
review-state-to-declare = Déclarez d’abord les conflits d’intérêts
review-state-to-score = À noter
review-state-done = Notée
review-state-conflict = Conflit d’intérêts déclaré
review-conflict-question = Avez-vous un conflit d’intérêts avec cette personne candidate ?
review-conflict-none = Aucun conflit d’intérêts
review-conflict-yes = Oui, j’ai un conflit d’intérêts
review-conflict-note = Expliquez le conflit
review-declare = Enregistrer la déclaration
review-rubric = Grille de notation
review-comment = Commentaire
review-submit = Envoyer les notes
review-saved = Évaluation enregistrée.
review-assign = Affecter un·e évaluateur·rice
review-assigned = Évaluateur·rice affecté·e.

application-passport-name = Nom (comme sur le passeport)
pipeline-title = Candidatures
pipeline-total = Candidatures
pipeline-reviews = Évaluations
pipeline-score = Note
pipeline-gates = Conditions manquantes
pipeline-eligible = admissible

gate-not-submitted = non soumise
gate-non-member = villes membres uniquement
gate-not-endorsed = pas d’approbation de la ville
gate-documents-incomplete = documents manquants
gate-no-review = non évaluée
gate-interview-not-passed = entretien non réussi
gate-vetting-not-cleared = vérification non validée
gate-clearance = validation en attente

override-title = Déroger au moteur de sélection
override-reason = Motif (consigné)
override-include = Imposer une place
override-exclude = Exclure
override-clear = Annuler la dérogation
override-saved = Dérogation enregistrée.

rules-title = Règles d’évaluation et de sélection
rules-allow-unendorsed = Les personnes candidates sans l’approbation de leur ville peuvent être retenues
rules-interview-required = Un entretien de langue réussi est requis
rules-normalise = Normaliser les notes de chaque évaluateur·rice
rules-rubric = Grille d’évaluation
rules-rubric-hint = Un critère par ligne : clé | poids | note maximale | libellé
rules-max-per-country = Au plus par pays
rules-min-regions = Nombre minimal de régions du monde
rules-respond-days = Jours pour répondre à une offre
rules-waitlist-size = Longueur de la liste d’attente
rules-saved = Règles enregistrées.

selection-title = Sélection
selection-run = Lancer le moteur de sélection
selection-proposal = Proposition
selection-optimal = optimalité prouvée
selection-not-optimal = optimalité non prouvée
selection-selected = retenu·es
selection-objective = note totale
selection-confirm = Confirmer cette cohorte et informer tout le monde
selection-confirmed = La cohorte est confirmée.
selection-seats = Places occupées
selection-expire = Clore les offres sans réponse et faire avancer la liste d’attente
selection-participants = Participant·es et offres en cours
selection-reason = Motif
selection-status-selected = Retenu·e
selection-status-waitlisted = Sur liste d’attente
selection-status-not-selected = Non retenu·e
selection-status-ineligible = Non admissible
selection-run-done = Sélection calculée.
selection-confirmed-done = Cohorte confirmée ; les personnes candidates et leurs villes sont en train d’être informées.
selection-expired-done = Les offres échues ont expiré ; la liste d’attente a avancé.

report-title = Rapport d’étape
report-funnel = Entonnoir
report-stage = Étape
report-applications = Candidatures
report-by-city = Par ville
report-by-region = Par région
report-by-member = Par statut de membre
report-by-gender = Par genre
report-region = Région
report-member = Statut de membre
funnel-applied = Déposées
funnel-endorsed = Approuvées par la ville
funnel-interviewed = Avec entretien
funnel-vetted = Vérifiées
funnel-selected = Retenues
funnel-confirmed = Confirmées

field-latin-letters-only = Utilisez des lettres latines, comme sur votre passeport.
field-unknown-city = Choisissez une ville dans la liste.
field-invalid-time = Saisissez une heure au format HH:MM.
field-outside-programme = Cette date est trop éloignée des dates du programme.
field-invalid-datetime = Saisissez une date et une heure.
field-nonexistent-local-time = Cette heure n’existe pas dans le fuseau horaire du centre hôte (changement d’heure).
field-invalid-rubric-line = Chaque ligne doit contenir : clé | poids 1–10 | note maximale 1–100 | libellé.
field-rank-taken = Une autre personne désignée par votre ville a déjà ce rang.
field-already-assigned = Cette personne est déjà chargée de l’évaluation.

email-application-submitted-subject = Candidature reçue : { $programme }
email-application-submitted-body =
    Bonjour { $name },

    Nous avons bien reçu votre candidature à « { $programme } ». Vous pouvez la suivre, et la modifier jusqu’à la date limite, ici : { $link }
email-offer-subject = Une place vous est proposée : { $programme }
email-offer-body =
    Bonjour { $name },

    Vous avez été retenu·e pour « { $programme } ». Veuillez confirmer ou décliner votre place avant le { $deadline } : { $link }
email-waitlisted-subject = Liste d’attente : { $programme }
email-waitlisted-body =
    Bonjour { $name },

    La cohorte de « { $programme } » est complète pour le moment ; vous êtes en position { $position } sur la liste d’attente. Nous vous écrirons de nouveau si une place se libère : { $link }
email-not-selected-subject = Votre candidature : { $programme }
email-not-selected-body =
    Bonjour { $name },

    Merci de votre candidature à « { $programme } ». Nous regrettons de ne pas pouvoir vous proposer de place cette fois-ci. Vous trouverez les détails ici : { $link }
email-nominee-decision-subject = Décision concernant la personne désignée par votre ville : { $programme }
email-nominee-decision-body =
    Bonjour { $name },

    La décision concernant { $applicant } pour « { $programme } » est : { $outcome }. Consultez les désignations de votre ville : { $link }

## Selection reasons: the engine's explanation of each decision

reason-programme-rules-unattainable = aucune promotion de { $programme } ne peut respecter la règle « { $rule } » (il en manque { $shortfall })
reason-programme-empty = { $programme } n’a retenu personne
reason-seats-taken-by-overrides = toutes les places de { $programme } ont été attribuées par décision du personnel
reason-lower-score = note inférieure à celle du dernier retenu dans { $programme } ({ $score } < { $last })
reason-tie-break = même note que le dernier retenu dans { $programme } ({ $score }) ; l’égalité a été tranchée par les rangs de préférence et les numéros de candidature
reason-score-not-positive = une note de { $score } n’ajoute rien au total
reason-better-overall = une place dans { $programme } pour cette personne ferait baisser la note totale ou enfreindrait une règle ailleurs
reason-city-cap = le plafond de { $cap } par ville dans { $programme } est atteint par d’autres candidats de { $city }
reason-country-cap = le plafond de { $cap } par pays dans { $programme } est atteint par d’autres candidats de { $country }
reason-member-share = { $programme } exige au moins { $share } % de participants des villes membres ; la place est allée à un membre
reason-gender-share = { $programme } exige au moins { $share } % de participants de genre « { $gender } »
reason-region-rule = { $programme } exige au moins { $regions } régions du monde, et des candidats retenus moins bien notés sont nécessaires pour cela
reason-capacity = { $programme } est complet ({ $capacity } places)
reason-override-selected = Retenu pour { $programme } par décision du personnel : { $why }
reason-override-excluded = Exclu par décision du personnel : { $why }
reason-not-eligible = Non admissible
reason-not-eligible-gates = Non admissible : { $details }
reason-no-preferences = Non retenu : aucun programme indiqué
reason-selected = Retenu pour { $programme }
reason-selected-lower-choice = Retenu pour { $programme } (choix { $rank }) ; pas dans un choix supérieur : { $details }
reason-waitlisted = En liste d’attente, position { $position }, pour { $programme } ; non retenu car : { $details }
reason-not-selected = Non retenu : { $details }
reason-promoted = Place offerte dans { $programme } après le retrait d’un autre participant ; toutes les règles restent respectées
reason-offer-expired = L’offre n’a pas reçu de réponse dans le délai.
reason-declined-by-applicant = Le candidat a décliné l’offre.
rule-capacity = Capacité
rule-max-per-city = Plafond par ville
rule-max-per-country = Plafond par pays
rule-min-member-share = Part des villes membres
rule-min-gender-share = Équilibre entre les genres
rule-min-regions = Régions du monde
rule-rules-combined = Règles combinées
violation-kind-broken = non respectée
violation-kind-unattainable = impossible à respecter
violation-kind-limits-cohort = limite la promotion
violation-needed-available = { $needed } nécessaires, { $available } disponibles
violation-needed-actual = { $needed } nécessaires, { $actual } retenus
violation-limit-actual = plafond { $limit }, { $actual } retenus
violation-limits-cohort = au plus { $max } des { $size } places peuvent être pourvues
violation-selected-of = { $selected } places pourvues sur { $size }
violation-short-by = il en manque { $shortfall }
