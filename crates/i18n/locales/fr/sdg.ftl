### Pages des objectifs de développement durable de l’ONU.

nav-sdg = ODD
sdg-title = Objectifs de développement durable
sdg-intro = Les 17 objectifs, les 169 cibles et leurs indicateurs du Programme 2030, tels que dans le cadre mondial d’indicateurs de l’ONU après sa révision de 2025. Chaque cours du réseau s’y rattache.
sdg-goal = Objectif { $number }
sdg-target = Cible { $code }
sdg-indicator = Indicateur { $code }
sdg-targets = Cibles
sdg-indicators = Indicateurs
sdg-not-translated = Pas encore de traduction officielle dans cette langue ; affiché en anglais.
sdg-repeat-of = Le même indicateur figure aussi sous
sdg-attribution = Source : Division de statistique de l’ONU, cadre mondial d’indicateurs (A/RES/71/313, révision de 2025). Traductions : open-sdg/sdg-translations et KOSTAT.
