# Postulaciones, designaciones, evaluación, entrevistas, verificación, selección, decisiones.

nav-applications = Mis postulaciones
nav-nominations = Designaciones
nav-reviews = Evaluaciones
nav-vetting = Verificación

signup-title = Crear una cuenta de postulante
signup-intro = Postule a los programas de formación de la red. Le enviaremos por correo electrónico un enlace para elegir su contraseña.
signup-name = Su nombre
signup-submit = Crear cuenta
signup-sent = Si la dirección puede recibir correo, en breve le llegará un enlace para elegir su contraseña.

application-mine-title = Mis postulaciones
application-none = Todavía no tiene postulaciones. Busque un programa en el catálogo.
application-apply = Postular
application-programme = Programa
application-status = Estado
application-status-draft = Borrador
application-status-submitted = Enviada
application-status-withdrawn = Retirada
application-decision = Decisión
application-deadline = Fecha límite
application-pipeline = En qué punto está su postulación
application-about-you = Sus datos
application-questions = Preguntas de la convocatoria
application-question-conditional = Solo es necesaria para algunas respuestas a «{ $question }».
application-city = Ciudad
application-city-not-listed = Mi ciudad no figura en la lista
application-member = Ciudad miembro
application-non-member = Ciudad no miembro
application-field-passport-name = Nombre completo como figura en su pasaporte (letras latinas)
application-field-gender = Género
application-field-nationality = Nacionalidad (código de país, p. ej. SN)
application-field-city-org-id = Su ciudad
application-field-city-name = Ciudad (si no figura en la lista)
application-field-country = Código de país (si la ciudad no figura en la lista)
application-field-region = Región del mundo (si la ciudad no figura en la lista)
application-field-position = Cargo
application-field-department = Departamento u organización
application-field-interview-language = Idioma de su entrevista
application-documents = Documentos
application-documents-complete = Se han adjuntado todos los documentos requeridos.
application-documents-missing = Faltan algunos documentos requeridos.
application-upload = Subir
application-endorsement = Aprobación de la ciudad
application-rank = Prioridad
application-interview = Entrevista de idioma
application-vetting = Verificación
application-waitlist-position = puesto en la lista de espera
application-seat = plaza
application-respond-by = responder antes del
application-save-draft = Guardar borrador
application-submit = Enviar la postulación
application-save-changes = Guardar cambios
application-withdraw = Retirar mi postulación
application-offer = Se le ofrece una plaza
application-offer-text = Confirme o rechace la plaza antes del
application-offer-confirm = Confirmar mi plaza
application-offer-decline = Rechazar
application-logistics = Viaje y estancia
application-letter = Carta de invitación para su visa (PDF)
application-airfare-not-covered = Este programa no cubre el pasaje aéreo internacional.
application-draft-saved = Borrador guardado.
application-submitted = Postulación enviada. Le llegará una confirmación por correo electrónico.
application-document-uploaded = Documento subido.
application-withdrawn = Postulación retirada.
application-offer-confirmed = Su plaza está confirmada.
application-offer-declined = Ha rechazado la oferta.
application-logistics-saved = Datos del viaje guardados.

gender-female = Femenino
gender-male = Masculino
gender-other = Otro
gender-undisclosed = Prefiero no decirlo

endorsement-pending = En espera de la ciudad
endorsement-endorsed = Aprobada
endorsement-declined = Rechazada

interview-scheduled = Programada
interview-passed = Aprobada
interview-failed = No aprobada
interview-no-show = No se presentó
interview-slot = Fecha y hora (zona horaria del anfitrión)
interview-interviewer = Persona entrevistadora
interview-language = Idioma
interview-outcome = Resultado
interview-level = Nivel
interview-notes = Notas
interview-saved = Entrevista guardada.

vetting-title = Verificación
vetting-none = No hay nada que verificar.
vetting-pending = Pendiente
vetting-cleared = Aprobada
vetting-refused = Denegada
vetting-saved = Estado de verificación guardado.

outcome-offered = Plaza ofrecida
outcome-confirmed = Participación confirmada
outcome-declined = Oferta rechazada
outcome-expired = Oferta vencida
outcome-waitlisted = En lista de espera
outcome-not-selected = No seleccionada

logistics-arrival-date = Fecha de llegada
logistics-arrival-time = Hora de llegada
logistics-arrival-flight = Vuelo de llegada
logistics-departure-date = Fecha de salida
logistics-departure-time = Hora de salida
logistics-departure-flight = Vuelo de salida
logistics-lodging-nights = Noches de alojamiento
logistics-dietary = Necesidades alimentarias
logistics-access = Necesidades de accesibilidad

nomination-title = Designaciones de mi ciudad
nomination-none = Todavía no hay postulaciones de su ciudad.
nomination-decision = Decisión de la ciudad
nomination-comment = Comentario (obligatorio si se rechaza)
nomination-saved = Decisión guardada.

review-title = Mis evaluaciones
review-none = No tiene postulaciones asignadas.
review-state-to-declare = Declare primero los conflictos de intereses
review-state-to-score = Por puntuar
review-state-done = Puntuada
review-state-conflict = Conflicto de intereses declarado
review-conflict-question = ¿Tiene un conflicto de intereses con esta persona postulante?
review-conflict-none = Sin conflicto de intereses
review-conflict-yes = Sí, tengo un conflicto de intereses
review-conflict-note = Explique el conflicto
review-declare = Guardar la declaración
review-rubric = Puntuaciones
review-comment = Comentario
review-submit = Enviar las puntuaciones
review-saved = Evaluación guardada.
review-assign = Asignar persona evaluadora
review-assigned = Persona evaluadora asignada.

application-passport-name = Nombre (como en el pasaporte)
pipeline-title = Postulaciones
pipeline-total = Postulaciones
pipeline-reviews = Evaluaciones
pipeline-score = Puntuación
pipeline-gates = Aún falta
pipeline-eligible = admisible

gate-not-submitted = no enviada
gate-non-member = solo ciudades miembro
gate-not-endorsed = sin aprobación de la ciudad
gate-documents-incomplete = faltan documentos
gate-no-review = sin evaluar
gate-interview-not-passed = entrevista no aprobada
gate-vetting-not-cleared = verificación no aprobada
gate-clearance = a la espera de autorización

override-title = Corregir el resultado del motor
override-reason = Motivo (queda registrado)
override-include = Forzar una plaza
override-exclude = Excluir
override-clear = Quitar la corrección
override-saved = Corrección registrada.

rules-title = Reglas de evaluación y selección
rules-allow-unendorsed = Se puede seleccionar a postulantes sin la aprobación de su ciudad
rules-interview-required = Se requiere haber aprobado una entrevista de idioma
rules-normalise = Normalizar las puntuaciones de cada persona evaluadora
rules-rubric = Rúbrica
rules-rubric-hint = Un criterio por línea: clave | peso | puntuación máxima | etiqueta
rules-max-per-country = Máximo por país
rules-min-regions = Mínimo de regiones del mundo
rules-respond-days = Días para responder a una oferta
rules-waitlist-size = Longitud de la lista de espera
rules-saved = Reglas guardadas.

selection-title = Selección
selection-run = Ejecutar el motor de selección
selection-proposal = Propuesta
selection-optimal = optimalidad demostrada
selection-not-optimal = optimalidad no demostrada
selection-selected = seleccionadas
selection-objective = puntuación total
selection-confirm = Confirmar esta cohorte y notificar a todas las personas
selection-confirmed = La cohorte está confirmada.
selection-seats = Plazas ocupadas
selection-expire = Dar por vencidas las ofertas sin respuesta y hacer avanzar la lista de espera
selection-participants = Participantes y ofertas abiertas
selection-reason = Motivo
selection-status-selected = Seleccionada
selection-status-waitlisted = En lista de espera
selection-status-not-selected = No seleccionada
selection-status-ineligible = No admisible
selection-run-done = Selección calculada.
selection-confirmed-done = Cohorte confirmada; se está notificando a las personas postulantes y a sus ciudades.
selection-expired-done = Las ofertas fuera de plazo han vencido; la lista de espera ha avanzado.

report-title = Informe por etapa
report-funnel = Embudo
report-stage = Etapa
report-applications = Postulaciones
report-by-city = Por ciudad
report-by-region = Por región
report-by-member = Por condición de miembro
report-by-gender = Por género
report-region = Región
report-member = Condición de miembro
funnel-applied = Presentadas
funnel-endorsed = Aprobadas por la ciudad
funnel-interviewed = Con entrevista
funnel-vetted = Verificadas
funnel-selected = Seleccionadas
funnel-confirmed = Confirmadas

field-latin-letters-only = Use letras latinas, tal como figuran en su pasaporte.
field-unknown-city = Elija una ciudad de la lista.
field-invalid-time = Introduzca una hora con el formato HH:MM.
field-outside-programme = Esta fecha está demasiado lejos de las fechas del programa.
field-invalid-datetime = Introduzca una fecha y una hora.
field-nonexistent-local-time = Esta hora no existe en la zona horaria del anfitrión (cambio de hora).
field-invalid-rubric-line = Cada línea necesita: clave | peso 1–10 | puntuación máxima 1–100 | etiqueta.
field-rank-taken = Otra persona designada por su ciudad ya tiene esta prioridad.
field-already-assigned = Esta persona evaluadora ya está asignada.

email-application-submitted-subject = Postulación recibida: { $programme }
email-application-submitted-body =
    Hola, { $name }:

    Hemos recibido su postulación a «{ $programme }». Puede seguirla, y editarla hasta la fecha límite, aquí: { $link }
email-offer-subject = Se le ofrece una plaza: { $programme }
email-offer-body =
    Hola, { $name }:

    Su postulación a «{ $programme }» ha sido seleccionada. Confirme o rechace su plaza antes del { $deadline }: { $link }
email-waitlisted-subject = Lista de espera: { $programme }
email-waitlisted-body =
    Hola, { $name }:

    La cohorte de «{ $programme }» está completa por ahora; ocupa el puesto { $position } en la lista de espera. Le volveremos a escribir si se libera una plaza: { $link }
email-not-selected-subject = Su postulación: { $programme }
email-not-selected-body =
    Hola, { $name }:

    Gracias por postular a «{ $programme }». Lamentamos no poder ofrecerle una plaza en esta ocasión. Puede consultar los detalles aquí: { $link }
email-nominee-decision-subject = Decisión sobre la persona designada por su ciudad: { $programme }
email-nominee-decision-body =
    Hola, { $name }:

    La decisión sobre { $applicant } para «{ $programme }» es: { $outcome }. Consulte las designaciones de su ciudad: { $link }

## Selection reasons: the engine's explanation of each decision

reason-programme-rules-unattainable = ningún grupo de { $programme } puede cumplir la regla «{ $rule }» (faltan { $shortfall })
reason-programme-empty = { $programme } no seleccionó a nadie
reason-seats-taken-by-overrides = todas las plazas de { $programme } se asignaron por decisión del personal
reason-lower-score = puntuación inferior a la del último seleccionado en { $programme } ({ $score } < { $last })
reason-tie-break = misma puntuación que el último seleccionado en { $programme } ({ $score }); el empate se decidió por el orden de preferencia y el número de solicitud
reason-score-not-positive = una puntuación de { $score } no suma nada al total
reason-better-overall = una plaza en { $programme } para esta persona bajaría la puntuación total o incumpliría una regla en otro lugar
reason-city-cap = el límite de { $cap } por ciudad en { $programme } ya lo alcanzan otros candidatos de { $city }
reason-country-cap = el límite de { $cap } por país en { $programme } ya lo alcanzan otros candidatos de { $country }
reason-member-share = { $programme } requiere al menos un { $share } % de participantes de ciudades miembro, así que la plaza fue para un miembro
reason-gender-share = { $programme } requiere al menos un { $share } % de participantes de género «{ $gender }»
reason-region-rule = { $programme } requiere al menos { $regions } regiones del mundo, y para ello se necesitan seleccionados con menor puntuación
reason-capacity = { $programme } está completo ({ $capacity } plazas)
reason-override-selected = Seleccionado para { $programme } por decisión del personal: { $why }
reason-override-excluded = Excluido por decisión del personal: { $why }
reason-not-eligible = No admisible
reason-not-eligible-gates = No admisible: { $details }
reason-no-preferences = No seleccionado: no indicó ningún programa
reason-selected = Seleccionado para { $programme }
reason-selected-lower-choice = Seleccionado para { $programme } (opción { $rank }); no en una opción anterior: { $details }
reason-waitlisted = En lista de espera, posición { $position }, para { $programme }; no seleccionado porque: { $details }
reason-not-selected = No seleccionado: { $details }
reason-promoted = Plaza ofrecida en { $programme } tras la retirada de otro participante; se siguen cumpliendo todas las reglas
reason-offer-expired = La oferta no se respondió dentro del plazo.
reason-declined-by-applicant = El candidato rechazó la oferta.
rule-capacity = Capacidad
rule-max-per-city = Límite por ciudad
rule-max-per-country = Límite por país
rule-min-member-share = Proporción de ciudades miembro
rule-min-gender-share = Equilibrio de género
rule-min-regions = Regiones del mundo
rule-rules-combined = Reglas combinadas
violation-kind-broken = incumplida
violation-kind-unattainable = imposible de cumplir
violation-kind-limits-cohort = limita el grupo
violation-needed-available = se necesitan { $needed }, hay { $available } disponibles
violation-needed-actual = se necesitan { $needed }, { $actual } seleccionados
violation-limit-actual = límite { $limit }, { $actual } seleccionados
violation-limits-cohort = como máximo se pueden cubrir { $max } de { $size } plazas
violation-selected-of = { $selected } de { $size } plazas cubiertas
violation-short-by = faltan { $shortfall }
