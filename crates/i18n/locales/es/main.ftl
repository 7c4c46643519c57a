### miti — estructura de la aplicación: nombre, navegación, inicio, palabras comunes.

## Aplicación

app-name = miti
app-tagline = Plataforma operativa de la red del Instituto Internacional de Formación de Metropolis

## Navegación

nav-home = Inicio
nav-catalogue = Catálogo
nav-network = Red
nav-organisations = Organizaciones
nav-people = Personas
nav-mous = Memorandos de entendimiento
nav-audit = Registro de auditoría
nav-outbox = Bandeja de salida
nav-account = Mi cuenta
nav-tokens = Tokens de API
nav-sign-in = Iniciar sesión
nav-sign-out = Cerrar sesión
nav-language = Idioma
nav-skip-to-content = Ir al contenido principal
nav-admin = Administración

## Inicio

home-title = Le damos la bienvenida a miti
home-intro = miti reúne el catálogo de formación, la red de miembros y los acuerdos de colaboración del Instituto Internacional de Formación de Metropolis.
home-centres = Nuestros centros
home-members-count =
    { $count ->
        [one] { $count } ciudad miembro
        [many] { $count } de ciudades miembro
       *[other] { $count } ciudades miembro
    }
home-signed-in-as = Sesión iniciada como { $email }
home-your-roles = Sus funciones

## Palabras comunes

common-save = Guardar
common-cancel = Cancelar
common-edit = Editar
common-delete = Eliminar
common-search = Buscar
common-filter = Filtrar
common-all = Todos
common-yes = Sí
common-no = No
common-back = Volver
common-actions = Acciones
common-page = Página { $page } de { $pages }
common-previous = Anterior
common-next = Siguiente
common-none = Ninguno
common-download = Descargar
common-optional = opcional
common-required = obligatorio

## Nombres de idiomas

common-language-en = inglés
common-language-fr = francés
common-language-es = español
common-language-ko = coreano
common-language-ar = árabe
common-language-fa = persa
