### 유엔 지속가능발전목표 페이지.

nav-sdg = 지속가능발전목표
sdg-title = 지속가능발전목표
sdg-intro = 2025년 검토를 거친 유엔 글로벌 지표 체계에 따른 2030 의제의 17개 목표, 169개 세부목표와 그 지표입니다. 네트워크의 모든 과정은 이에 연계됩니다.
sdg-goal = 목표 { $number }
sdg-target = 세부목표 { $code }
sdg-indicator = 지표 { $code }
sdg-targets = 세부목표
sdg-indicators = 지표
sdg-not-translated = 이 언어로 된 공식 번역이 아직 없어 영어로 표시합니다.
sdg-repeat-of = 같은 지표가 다음 세부목표에도 있습니다
sdg-attribution = 출처: 유엔 통계처 글로벌 지표 체계(A/RES/71/313, 2025년 검토). 번역: open-sdg/sdg-translations 및 통계청(KOSTAT).
