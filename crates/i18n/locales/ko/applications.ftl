# 지원서, 추천, 심사, 면접, 신원 검증, 선발, 결과.

nav-applications = 내 지원서
nav-nominations = 지원자 추천
nav-reviews = 심사
nav-vetting = 신원 검증

signup-title = 지원자 계정 만들기
signup-intro = 네트워크의 교육과정에 지원하십시오. 비밀번호를 설정할 수 있는 링크를 이메일로 보내 드립니다.
signup-name = 이름
signup-submit = 계정 만들기
signup-sent = 메일을 받을 수 있는 주소라면 비밀번호 설정 링크가 곧 도착합니다.

application-mine-title = 내 지원서
application-none = 아직 지원서가 없습니다. 교육과정 안내에서 교육과정을 찾아보십시오.
application-apply = 지원하기
application-programme = 교육과정
application-status = 상태
application-status-draft = 작성 중
application-status-submitted = 제출됨
application-status-withdrawn = 철회됨
application-decision = 결과
application-deadline = 마감
application-pipeline = 지원 진행 현황
application-about-you = 지원자 정보
application-questions = 모집 질문
application-question-conditional = “{ $question }”에 대한 일부 답변에만 필요합니다.
application-city = 도시
application-city-not-listed = 목록에 우리 도시가 없습니다
application-member = 회원 도시
application-non-member = 비회원 도시
application-field-passport-name = 여권상 성명 (로마자)
application-field-gender = 성별
application-field-nationality = 국적 (국가 코드, 예: SN)
application-field-city-org-id = 소속 도시
application-field-city-name = 도시 (목록에 없는 경우)
application-field-country = 국가 코드 (목록에 없는 경우)
application-field-region = 세계 지역 (목록에 없는 경우)
application-field-position = 직위
application-field-department = 부서 또는 기관
application-field-interview-language = 면접 언어
application-documents = 제출 서류
application-documents-complete = 필수 서류가 모두 첨부되었습니다.
application-documents-missing = 일부 필수 서류가 누락되었습니다.
application-upload = 업로드
application-endorsement = 소속 도시 추천
application-rank = 추천 순위
application-interview = 어학 면접
application-vetting = 신원 검증
application-waitlist-position = 대기 순번
application-seat = 자리 번호
application-respond-by = 응답 기한
application-save-draft = 임시 저장
application-submit = 지원서 제출
application-save-changes = 변경 사항 저장
application-withdraw = 지원 철회
application-offer = 참가 자리가 제안되었습니다
application-offer-text = 다음 기한까지 수락 또는 거절해 주십시오:
application-offer-confirm = 참가 확정
application-offer-decline = 거절
application-logistics = 이동 및 숙박
application-letter = 비자 발급용 초청장 (PDF)
application-airfare-not-covered = 이 교육과정은 국제선 항공료를 지원하지 않습니다.
application-draft-saved = 임시 저장되었습니다.
application-submitted = 지원서가 제출되었습니다. 확인 메일이 곧 발송됩니다.
application-document-uploaded = 서류가 업로드되었습니다.
application-withdrawn = 지원이 철회되었습니다.
application-offer-confirmed = 참가가 확정되었습니다.
application-offer-declined = 참가 제안을 거절하셨습니다.
application-logistics-saved = 이동 정보가 저장되었습니다.

gender-female = 여성
gender-male = 남성
gender-other = 기타
gender-undisclosed = 밝히고 싶지 않음

endorsement-pending = 도시 검토 대기
endorsement-endorsed = 추천됨
endorsement-declined = 추천 거절

interview-scheduled = 예정
interview-passed = 합격
interview-failed = 불합격
interview-no-show = 불참
interview-slot = 일시 (주관 센터 현지 시각)
interview-interviewer = 면접관
interview-language = 언어
interview-outcome = 결과
interview-level = 수준
interview-notes = 메모
interview-saved = 면접 정보가 저장되었습니다.

vetting-title = 신원 검증
vetting-none = 검증할 지원서가 없습니다.
vetting-pending = 대기 중
vetting-cleared = 통과
vetting-refused = 불허
vetting-saved = 검증 상태가 저장되었습니다.

outcome-offered = 참가 제안
outcome-confirmed = 참가 확정
outcome-declined = 참가 거절
outcome-expired = 제안 기한 만료
outcome-waitlisted = 대기자 명단
outcome-not-selected = 미선발

logistics-arrival-date = 도착일
logistics-arrival-time = 도착 시각
logistics-arrival-flight = 도착 항공편
logistics-departure-date = 출발일
logistics-departure-time = 출발 시각
logistics-departure-flight = 출발 항공편
logistics-lodging-nights = 숙박 일수
logistics-dietary = 식단 관련 요청 사항
logistics-access = 접근성 관련 요청 사항

nomination-title = 우리 도시의 지원자 추천
nomination-none = 아직 우리 도시에서 접수된 지원서가 없습니다.
nomination-decision = 도시의 결정
nomination-comment = 의견 (거절 시 필수)
nomination-saved = 결정이 저장되었습니다.

review-title = 내 심사
review-none = 배정된 지원서가 없습니다.
review-state-to-declare = 먼저 이해충돌 여부를 신고하십시오
review-state-to-score = 채점 대기
review-state-done = 채점 완료
review-state-conflict = 이해충돌 신고됨
review-conflict-question = 이 지원자와 이해충돌 관계가 있습니까?
review-conflict-none = 이해충돌 없음
review-conflict-yes = 예, 이해충돌이 있습니다
review-conflict-note = 이해충돌 내용 설명
review-declare = 신고 저장
review-rubric = 점수
review-comment = 의견
review-submit = 점수 제출
review-saved = 심사 내용이 저장되었습니다.
review-assign = 심사위원 배정
review-assigned = 심사위원이 배정되었습니다.

application-passport-name = 이름(여권 기재)
pipeline-title = 지원 현황
pipeline-total = 지원서
pipeline-reviews = 심사
pipeline-score = 점수
pipeline-gates = 미충족 요건
pipeline-eligible = 자격 충족

gate-not-submitted = 미제출
gate-non-member = 회원 도시 전용
gate-not-endorsed = 도시 추천 없음
gate-documents-incomplete = 서류 누락
gate-no-review = 심사 미완료
gate-interview-not-passed = 면접 불합격
gate-vetting-not-cleared = 신원 검증 미통과
gate-clearance = 승인 대기

override-title = 선발 엔진 결과 조정
override-reason = 사유 (기록됨)
override-include = 강제 선발
override-exclude = 제외
override-clear = 조정 해제
override-saved = 조정 내용이 기록되었습니다.

rules-title = 심사 및 선발 규칙
rules-allow-unendorsed = 소속 도시의 추천이 없는 지원자도 선발할 수 있음
rules-interview-required = 어학 면접 합격 필수
rules-normalise = 심사위원별 점수 표준화
rules-rubric = 평가 기준표
rules-rubric-hint = 한 줄에 기준 하나씩: 키 | 가중치 | 최고 점수 | 이름
rules-max-per-country = 국가당 최대 인원
rules-min-regions = 최소 세계 지역 수
rules-respond-days = 참가 제안 응답 기한(일)
rules-waitlist-size = 대기자 명단 인원
rules-saved = 규칙이 저장되었습니다.

selection-title = 선발
selection-run = 선발 엔진 실행
selection-proposal = 선발안
selection-optimal = 최적해 증명됨
selection-not-optimal = 최적해 미증명
selection-selected = 선발 인원
selection-objective = 총점
selection-confirm = 이 선발 명단을 확정하고 모두에게 알림
selection-confirmed = 선발 명단이 확정되었습니다.
selection-seats = 배정된 자리
selection-expire = 미응답 제안 만료 및 대기자 승계
selection-participants = 참가자 및 응답 대기 중인 제안
selection-reason = 사유
selection-status-selected = 선발
selection-status-waitlisted = 대기
selection-status-not-selected = 미선발
selection-status-ineligible = 자격 미달
selection-run-done = 선발 결과를 계산했습니다.
selection-confirmed-done = 선발 명단을 확정했습니다. 지원자와 소속 도시에 알림을 보내고 있습니다.
selection-expired-done = 기한이 지난 제안을 만료 처리하고 대기자를 승계했습니다.

report-title = 단계별 보고서
report-funnel = 단계별 현황
report-stage = 단계
report-applications = 지원서 수
report-by-city = 도시별
report-by-region = 지역별
report-by-member = 회원 여부별
report-by-gender = 성별
report-region = 지역
report-member = 회원 여부
funnel-applied = 지원
funnel-endorsed = 도시 추천
funnel-interviewed = 면접
funnel-vetted = 신원 검증
funnel-selected = 선발
funnel-confirmed = 참가 확정

field-latin-letters-only = 여권에 표기된 대로 로마자를 사용하십시오.
field-unknown-city = 목록에서 도시를 선택하십시오.
field-invalid-time = 시각을 HH:MM 형식으로 입력하십시오.
field-outside-programme = 교육과정 기간과 너무 동떨어진 날짜입니다.
field-invalid-datetime = 날짜와 시각을 입력하십시오.
field-nonexistent-local-time = 주관 센터의 시간대에는 존재하지 않는 시각입니다(서머타임 전환).
field-invalid-rubric-line = 각 줄은 다음 형식이어야 합니다: 키 | 가중치 1–10 | 최고 점수 1–100 | 이름.
field-rank-taken = 우리 도시의 다른 추천 지원자가 이미 이 순위를 사용하고 있습니다.
field-already-assigned = 이미 배정된 심사위원입니다.

email-application-submitted-subject = 지원서 접수 완료: { $programme }
email-application-submitted-body =
    { $name } 님, 안녕하십니까.

    “{ $programme }” 지원서가 접수되었습니다. 아래 링크에서 진행 상황을 확인하실 수 있으며, 마감 전까지 지원서를 수정하실 수 있습니다: { $link }
email-offer-subject = 참가 자리 제안: { $programme }
email-offer-body =
    { $name } 님, 안녕하십니까.

    “{ $programme }”에 선발되셨습니다. { $deadline }까지 참가를 확정하시거나 거절해 주십시오: { $link }
email-waitlisted-subject = 대기자 명단 안내: { $programme }
email-waitlisted-body =
    { $name } 님, 안녕하십니까.

    “{ $programme }”의 정원이 현재 모두 찼습니다. 귀하의 대기 순번은 { $position }번입니다. 자리가 나면 다시 연락드리겠습니다: { $link }
email-not-selected-subject = 지원 결과 안내: { $programme }
email-not-selected-body =
    { $name } 님, 안녕하십니까.

    “{ $programme }”에 지원해 주셔서 감사합니다. 아쉽게도 이번에는 참가 자리를 드릴 수 없게 되었습니다. 자세한 내용은 여기에서 확인하실 수 있습니다: { $link }
email-nominee-decision-subject = 귀 도시 추천 지원자에 대한 결정: { $programme }
email-nominee-decision-body =
    { $name } 님, 안녕하십니까.

    { $applicant } 님의 “{ $programme }” 지원에 대한 결정은 다음과 같습니다: { $outcome }. 귀 도시의 추천 현황은 여기에서 확인하십시오: { $link }

## Selection reasons: the engine's explanation of each decision

reason-programme-rules-unattainable = { $programme }의 어떤 참가자 구성도 “{ $rule }” 규칙을 충족할 수 없습니다({ $shortfall }명 부족)
reason-programme-empty = { $programme }에서 선발된 사람이 없습니다
reason-seats-taken-by-overrides = { $programme }의 모든 자리가 담당자 조정으로 배정되었습니다
reason-lower-score = { $programme }의 마지막 선발자보다 점수가 낮습니다({ $score } < { $last })
reason-tie-break = { $programme }의 마지막 선발자와 점수가 같습니다({ $score }). 동점은 지망 순위와 지원 번호로 결정되었습니다
reason-score-not-positive = { $score }점은 총점에 더해지지 않습니다
reason-better-overall = 이 지원자에게 { $programme }의 자리를 주면 총점이 낮아지거나 다른 곳의 규칙을 어기게 됩니다
reason-city-cap = { $programme }의 도시별 상한 { $cap }명이 { $city }의 다른 지원자로 이미 찼습니다
reason-country-cap = { $programme }의 국가별 상한 { $cap }명이 { $country }의 다른 지원자로 이미 찼습니다
reason-member-share = { $programme }은(는) 회원 도시 참가자가 { $share }% 이상이어야 하므로 자리가 회원 도시에 돌아갔습니다
reason-gender-share = { $programme }은(는) “{ $gender }” 참가자가 { $share }% 이상이어야 합니다
reason-region-rule = { $programme }은(는) 최소 { $regions }개 권역이 필요하며, 이를 위해 점수가 낮은 선발자가 필요합니다
reason-capacity = { $programme }의 정원이 찼습니다({ $capacity }석)
reason-override-selected = 담당자 조정으로 { $programme }에 선발: { $why }
reason-override-excluded = 담당자 조정으로 제외: { $why }
reason-not-eligible = 자격 없음
reason-not-eligible-gates = 자격 없음: { $details }
reason-no-preferences = 미선발: 지망 과정이 없습니다
reason-selected = { $programme }에 선발
reason-selected-lower-choice = { $programme }에 선발({ $rank }지망). 상위 지망에서 선발되지 않은 이유: { $details }
reason-waitlisted = { $programme } 대기자 { $position }순위. 선발되지 않은 이유: { $details }
reason-not-selected = 미선발: { $details }
reason-promoted = 다른 참가자의 취소로 { $programme }의 자리가 제안되었습니다. 모든 규칙이 유지됩니다
reason-offer-expired = 기한 내에 제안에 응답하지 않았습니다.
reason-declined-by-applicant = 지원자가 제안을 거절했습니다.
rule-capacity = 정원
rule-max-per-city = 도시별 상한
rule-max-per-country = 국가별 상한
rule-min-member-share = 회원 도시 비율
rule-min-gender-share = 성별 균형
rule-min-regions = 세계 권역
rule-rules-combined = 규칙의 조합
violation-kind-broken = 위반
violation-kind-unattainable = 충족 불가
violation-kind-limits-cohort = 선발 인원 제한
violation-needed-available = { $needed }명 필요, { $available }명 가능
violation-needed-actual = { $needed }명 필요, { $actual }명 선발
violation-limit-actual = 상한 { $limit }명, { $actual }명 선발
violation-limits-cohort = { $size }석 중 최대 { $max }석만 채울 수 있습니다
violation-selected-of = { $size }석 중 { $selected }석 배정
violation-short-by = { $shortfall }명 부족
