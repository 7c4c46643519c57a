### Administration: audit log and e-mail outbox.

## Audit log

audit-title = Audit log
audit-actor = Performed by
audit-organisation = Organisation
audit-action = Action
audit-target = Object
audit-time = Time
audit-filter = Filter the log
audit-none = No entries match these criteria.
audit-system = System (automatic)

## Outbox

outbox-title = Outgoing e-mail
outbox-to = Recipient
outbox-subject = Subject
outbox-status = Status
outbox-status-pending = Pending
outbox-status-sent = Sent
outbox-status-failed = Failed
outbox-created = Queued at
outbox-none = No outgoing e-mail.

## Accounts
users-title = Accounts
user-invite = Invite someone
user-invite-intro = The person receives an e-mail with a link to choose their password.
user-role = Role
user-invited = Invitation sent.
