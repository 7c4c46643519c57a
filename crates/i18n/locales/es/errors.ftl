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
field-invalid-country = Elija un país válido.
field-invalid-timezone = Elija una zona horaria válida.
field-date-order = La fecha de finalización no puede ser anterior a la fecha de inicio.
