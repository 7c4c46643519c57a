### Inicio de sesión, restablecimiento de contraseña, cuenta, tokens de API, correos.

## Inicio de sesión

login-title = Iniciar sesión
login-email = Correo electrónico
login-password = Contraseña
login-submit = Entrar
login-failed = El correo electrónico o la contraseña no son correctos.
login-rate-limited =
    { $minutes ->
        [one] Demasiados intentos de inicio de sesión. Vuelva a intentarlo dentro de { $minutes } minuto.
       *[other] Demasiados intentos de inicio de sesión. Vuelva a intentarlo dentro de { $minutes } minutos.
    }
logout-done = Ha cerrado la sesión.
forgot-password-link = ¿Ha olvidado su contraseña?

## Restablecimiento de contraseña

reset-request-title = Restablecer la contraseña
reset-request-intro = Introduzca el correo electrónico de su cuenta. Si está registrado, le enviaremos un enlace para elegir una nueva contraseña.
reset-request-submit = Enviar el enlace
reset-request-sent = Si existe una cuenta con esta dirección, le hemos enviado un enlace para restablecer la contraseña. Revise su bandeja de entrada.
reset-title = Elegir una nueva contraseña
reset-new-password = Nueva contraseña
reset-confirm-password = Confirmar la nueva contraseña
reset-submit = Guardar la nueva contraseña
reset-done = Su contraseña se ha cambiado. Ya puede iniciar sesión.
reset-invalid-token = Este enlace no es válido o ha caducado. Solicite uno nuevo.
password-too-short =
    { $min ->
        [one] La contraseña debe tener al menos { $min } carácter.
       *[other] La contraseña debe tener al menos { $min } caracteres.
    }
password-too-common = Esta contraseña es demasiado común. Elija una menos previsible.
password-mismatch = Las dos contraseñas no coinciden.

## Cuenta

account-title = Mi cuenta
account-language = Idioma de la interfaz
account-timezone = Zona horaria
account-save = Guardar preferencias
account-saved = Se han guardado sus preferencias.

## Tokens de API

tokens-title = Tokens de API
tokens-intro = Los tokens de API permiten que scripts y otros sistemas utilicen miti en su nombre. Trátelos como contraseñas.
token-name = Nombre del token
token-create = Crear token
token-created-once = Copie este token ahora; no se volverá a mostrar.
token-revoke = Revocar
token-revoked = Se ha revocado el token.
token-none = No tiene tokens de API.
token-last-used = Último uso
token-never-used = Nunca utilizado

## Correos

email-reset-subject = Restablecimiento de su contraseña de miti
email-reset-body =
    Hola:

    Alguien, probablemente usted, ha solicitado restablecer la contraseña de su cuenta de miti.
    Para elegir una nueva contraseña, abra este enlace en un plazo de { $minutes ->
        [one] { $minutes } minuto
       *[other] { $minutes } minutos
    }:

    { $link }

    Si no ha hecho esta solicitud, ignore este mensaje; su contraseña no cambiará.
email-footer = Este mensaje lo ha enviado automáticamente miti, la plataforma operativa del Instituto Internacional de Formación de Metropolis. No responda a este mensaje.

email-welcome-subject = Su cuenta de miti
email-welcome-body =
    Hola, { $name }:

    Se ha creado una cuenta para usted en miti, la plataforma de la red del Instituto Internacional de Formación de Metropolis.
    Para elegir su contraseña, abra este enlace en { $days ->
        [one] { $days } día
       *[other] los próximos { $days } días
    }:

    { $link }
