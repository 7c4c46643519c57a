### Administración: registro de auditoría y correo saliente.

## Registro de auditoría

audit-title = Registro de auditoría
audit-actor = Realizado por
audit-organisation = Organización
audit-action = Acción
audit-target = Objeto
audit-time = Fecha y hora
audit-filter = Filtrar el registro
audit-none = Ninguna entrada coincide con estos criterios.
audit-system = Sistema (automático)

## Correo saliente

outbox-title = Correo saliente
outbox-to = Destinatario
outbox-subject = Asunto
outbox-status = Estado
outbox-status-pending = Pendiente
outbox-status-sent = Enviado
outbox-status-failed = Fallido
outbox-created = En cola desde
outbox-none = No hay correo saliente.

## Cuentas
users-title = Cuentas
user-invite = Invitar a una persona
user-invite-intro = La persona recibe un correo con un enlace para elegir su contraseña.
user-role = Rol
user-invited = Invitación enviada.
