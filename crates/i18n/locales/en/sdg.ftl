### The UN Sustainable Development Goals pages.

nav-sdg = SDGs
sdg-title = Sustainable Development Goals
sdg-intro = The 17 goals, 169 targets and their indicators of the 2030 Agenda, as in the UN global indicator framework after its 2025 review. Every course of the network is aligned with them.
# $number (number): the goal's number, 1–17.
sdg-goal = Goal { $number }
# $code (string): e.g. 6.3
sdg-target = Target { $code }
# $code (string): e.g. 6.3.1
sdg-indicator = Indicator { $code }
sdg-targets = Targets
sdg-indicators = Indicators
sdg-not-translated = No official translation in this language yet; shown in English.
sdg-repeat-of = The same indicator also stands under
sdg-attribution = Source: UN Statistics Division, global indicator framework (A/RES/71/313, 2025 review). Translations: open-sdg/sdg-translations and KOSTAT.
