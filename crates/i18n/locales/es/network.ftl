### La red: organizaciones, regiones, ciclo de membresía, personas, memorandos, funciones.

## Organizaciones

org-list-title = Organizaciones
org-search = Buscar organizaciones
org-search-placeholder = Nombre, ciudad o país
org-filter-kind = Tipo
org-filter-region = Región
org-filter-status = Estado
org-count =
    { $count ->
        [one] { $count } organización
        [many] { $count } de organizaciones
       *[other] { $count } organizaciones
    }
org-none = Ninguna organización coincide con estos criterios.
org-kind-secretariat = Secretaría
org-kind-headquarters = Sede central
org-kind-regional-centre = Centro regional
org-kind-regional-secretariat = Secretaría regional
org-kind-member-city = Ciudad miembro
org-kind-partner = Entidad asociada
org-name = Nombre
org-names-intro = Indique el nombre en cada idioma que conozca; cuando falte una traducción, se mostrará el idioma principal.
org-main-language = Idioma principal
org-kind = Tipo de organización
org-country = País
org-region = Región
org-city = Ciudad
org-website = Sitio web
org-timezone = Zona horaria
org-working-languages = Idiomas de trabajo
org-status = Estado
org-membership = Membresía
org-member = Miembro
org-not-member = No es miembro
org-member-since = Miembro desde
org-member-until = Miembro hasta
org-membership-add = Añadir un periodo de membresía
org-new = Nueva organización
org-edit = Editar organización
org-save = Guardar organización
org-created = Se ha creado la organización.
org-updated = Se ha actualizado la organización.
org-details = Detalles
org-parent = Organización matriz

## Regiones

region-africa = África
region-asia-pacific = Asia-Pacífico
region-europe = Europa
region-latin-america = América Latina
region-north-america = América del Norte
region-middle-east-west-asia = Oriente Medio y Asia Occidental

## Ciclo de membresía

lifecycle-title = Ciclo de vida del centro
lifecycle-candidate = Candidatura
lifecycle-active = Activa
lifecycle-withdrawing = En proceso de retiro
lifecycle-withdrawn = Retirada
lifecycle-event-add = Registrar un cambio de estado
lifecycle-to-status = Nuevo estado
lifecycle-date = Fecha de efecto
lifecycle-note = Nota
lifecycle-document = Documento justificativo
lifecycle-invalid-transition = El estado no puede pasar de «{ $from }» a «{ $to }».

## Personas

people-title = Personas
person-name = Nombre completo
person-email = Correo electrónico
person-phone = Teléfono
person-organisation = Organización
person-contact-role = Función
person-add = Añadir una persona de contacto
person-none = Todavía no se ha registrado ninguna persona de contacto.
contact-role-focal-point = Punto focal
contact-role-director = Dirección
contact-role-coordinator = Coordinación
contact-role-international-relations = Relaciones internacionales
contact-role-other = Otra

## Memorandos de entendimiento

mou-title = Memorando de entendimiento
mou-list-title = Memorandos de entendimiento
mou-name = Título
mou-parties = Partes
mou-signed-on = Fecha de firma
mou-overseen-by = Supervisado por
mou-valid-until = Válido hasta
mou-open-ended = Duración indefinida
mou-file = Documento firmado
mou-download = Descargar el documento firmado
mou-add = Añadir un memorando
mou-none = No se ha registrado ningún memorando de entendimiento.

## Funciones

role-network-admin = Administración de la red
role-centre-staff = Personal de centro
role-focal-point = Punto focal
role-applicant = Solicitante
role-expert = Persona experta
role-vetter = Responsable de verificación
