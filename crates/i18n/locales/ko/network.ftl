### 네트워크: 기관, 지역, 회원 자격 이력, 담당자, 양해각서, 역할.

## 기관

org-list-title = 기관 목록
org-search = 기관 검색
org-search-placeholder = 이름, 도시 또는 국가
org-filter-kind = 유형
org-filter-region = 지역
org-filter-status = 상태
org-count = 기관 { $count }곳
org-none = 조건에 맞는 기관이 없습니다.
org-kind-secretariat = 사무국
org-kind-headquarters = 본부
org-kind-regional-centre = 지역 센터
org-kind-regional-secretariat = 지역 사무국
org-kind-member-city = 회원 도시
org-kind-partner = 협력 기관
org-name = 기관명
org-names-intro = 알고 계신 각 언어로 이름을 입력해 주십시오. 번역이 없는 경우 주 언어의 이름이 표시됩니다.
org-main-language = 주 언어
org-kind = 기관 유형
org-country = 국가
org-region = 지역
org-city = 도시
org-website = 웹사이트
org-timezone = 시간대
org-working-languages = 업무 언어
org-status = 상태
org-membership = 회원 자격
org-member = 회원
org-not-member = 비회원
org-member-since = 가입일
org-member-until = 회원 자격 종료일
org-membership-add = 회원 기간 추가
org-new = 새 기관
org-edit = 기관 정보 수정
org-save = 기관 정보 저장
org-created = 기관이 등록되었습니다.
org-updated = 기관 정보가 수정되었습니다.
org-details = 상세 정보
org-parent = 상위 기관

## 지역

region-africa = 아프리카
region-asia-pacific = 아시아·태평양
region-europe = 유럽
region-latin-america = 라틴아메리카
region-north-america = 북아메리카
region-middle-east-west-asia = 중동·서아시아

## 회원 자격 이력

lifecycle-title = 센터 운영 단계 이력
lifecycle-candidate = 가입 후보
lifecycle-active = 활동 중
lifecycle-withdrawing = 탈퇴 진행 중
lifecycle-withdrawn = 탈퇴
lifecycle-event-add = 상태 변경 기록
lifecycle-to-status = 변경할 상태
lifecycle-date = 적용일
lifecycle-note = 비고
lifecycle-document = 증빙 서류
lifecycle-invalid-transition = 상태를 ‘{ $from }’에서 ‘{ $to }’(으)로 변경할 수 없습니다.

## 담당자

people-title = 담당자
person-name = 성명
person-email = 이메일 주소
person-phone = 전화번호
person-organisation = 소속 기관
person-contact-role = 역할
person-add = 담당자 추가
person-none = 아직 등록된 담당자가 없습니다.
contact-role-focal-point = 연락 담당자
contact-role-director = 기관장
contact-role-coordinator = 코디네이터
contact-role-international-relations = 국제협력 담당
contact-role-other = 기타

## 양해각서

mou-title = 양해각서
mou-list-title = 양해각서 목록
mou-name = 제목
mou-parties = 체결 당사자
mou-signed-on = 체결일
mou-overseen-by = 관리 기관
mou-valid-until = 유효 기간 만료일
mou-open-ended = 기한 없음
mou-file = 서명본
mou-download = 서명본 다운로드
mou-add = 양해각서 추가
mou-none = 등록된 양해각서가 없습니다.

## 역할

role-network-admin = 네트워크 관리자
role-centre-staff = 센터 직원
role-focal-point = 연락 담당자
role-applicant = 신청자
role-expert = 전문가
role-vetter = 신원 검증 담당자
