### Administration : journal d’audit et courriels sortants.

## Journal d’audit

audit-title = Journal d’audit
audit-actor = Effectué par
audit-organisation = Organisation
audit-action = Action
audit-target = Objet
audit-time = Date et heure
audit-filter = Filtrer le journal
audit-none = Aucune entrée ne correspond à ces critères.
audit-system = Système (automatique)

## Courriels sortants

outbox-title = Courriels sortants
outbox-to = Destinataire
outbox-subject = Objet
outbox-status = Statut
outbox-status-pending = En attente
outbox-status-sent = Envoyé
outbox-status-failed = Échec
outbox-created = Mis en file le
outbox-none = Aucun courriel sortant.

## Comptes
users-title = Comptes
user-invite = Inviter une personne
user-invite-intro = La personne reçoit un e-mail avec un lien pour choisir son mot de passe.
user-role = Rôle
user-invited = Invitation envoyée.
