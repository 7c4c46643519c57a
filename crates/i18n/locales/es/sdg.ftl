### Páginas de los Objetivos de Desarrollo Sostenible de la ONU.

nav-sdg = ODS
sdg-title = Objetivos de Desarrollo Sostenible
sdg-intro = Los 17 objetivos, las 169 metas y sus indicadores de la Agenda 2030, según el marco mundial de indicadores de la ONU tras su revisión de 2025. Cada curso de la red se alinea con ellos.
sdg-goal = Objetivo { $number }
sdg-target = Meta { $code }
sdg-indicator = Indicador { $code }
sdg-targets = Metas
sdg-indicators = Indicadores
sdg-not-translated = Aún no hay traducción oficial en este idioma; se muestra en inglés.
sdg-repeat-of = El mismo indicador figura también en
sdg-attribution = Fuente: División de Estadística de la ONU, marco mundial de indicadores (A/RES/71/313, revisión de 2025). Traducciones: open-sdg/sdg-translations y KOSTAT.
