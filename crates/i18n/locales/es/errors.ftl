### Páginas de error y mensajes de validación de formularios.

## Páginas de error

error-title = Se ha producido un error
error-not-found = La página que busca no existe.
error-forbidden = No tiene permiso para realizar esta acción.
error-csrf = El formulario ha caducado. Vuelva a cargar la página e inténtelo de nuevo.
error-validation = Algunos campos requieren su atención. Revise el formulario.
error-internal = Se ha producido un error inesperado. Inténtelo de nuevo más tarde.
error-too-large = El archivo o la solicitud es demasiado grande.
error-unauthorized = Inicie sesión para continuar.
error-too-many-requests = Demasiadas solicitudes. Espere un momento e inténtelo de nuevo.
error-conflict = Otra persona ha modificado este registro mientras tanto. Vuelva a cargar la página e inténtelo de nuevo.
error-bad-request = No se ha podido interpretar la solicitud.

## Campos de formulario

field-required = Este campo es obligatorio.
field-invalid-email = Introduzca un correo electrónico válido.
field-too-long =
    { $max ->
        [one] Utilice como máximo { $max } carácter.
       *[other] Utilice como máximo { $max } caracteres.
    }
field-invalid-date = Introduzca una fecha válida.
field-invalid-choice = Elija una de las opciones.
field-invalid-url = Introduzca una dirección web válida (que empiece por https://).
field-control-character = Quite el carácter de control (por ejemplo NUL) de este texto.
field-invalid-country = Elija un país válido.
field-invalid-timezone = Elija una zona horaria válida.
field-date-order = La fecha de finalización no puede ser anterior a la fecha de inicio.
field-invalid-slug = Use solo letras minúsculas, cifras y guiones.
field-email-taken = Ya existe una cuenta con esta dirección de correo electrónico.
field-slug-taken = Otra organización ya usa este identificador.
field-membership-overlap = Este período se superpone con un período de afiliación existente.
field-mou-needs-two-parties = Elija al menos dos partes.
field-lifecycle-not-a-centre = Solo los centros de formación tienen un ciclo de vida.
field-file-too-large = El archivo es demasiado grande (como máximo { $max } MB).
field-upload-malformed = El envío llegó incompleto o mal formado. Elija de nuevo el archivo y vuelva a enviar el formulario.
field-file-type = Solo se aceptan archivos PDF, JPEG y PNG.
field-unknown-organisation = Una de las organizaciones elegidas no existe.
