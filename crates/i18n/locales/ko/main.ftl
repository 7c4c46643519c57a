### miti — 애플리케이션 기본 요소: 이름, 탐색, 홈, 공통 용어.
### 한국어에는 복수형 구분이 없으므로 수량 메시지에 선택식을 쓰지 않습니다.

## 애플리케이션

app-name = miti
app-tagline = 메트로폴리스 국제연수원 네트워크 운영 플랫폼

## 탐색

nav-home = 홈
nav-catalogue = 교육 과정
nav-network = 네트워크
nav-organisations = 기관
nav-people = 담당자
nav-mous = 양해각서
nav-audit = 감사 기록
nav-outbox = 발신함
nav-account = 내 계정
nav-tokens = API 토큰
nav-sign-in = 로그인
nav-sign-out = 로그아웃
nav-language = 언어
nav-skip-to-content = 본문 바로가기
nav-admin = 관리

## 홈

home-title = miti에 오신 것을 환영합니다
home-intro = miti는 메트로폴리스 국제연수원의 교육 과정, 회원 네트워크, 협력 협약을 한곳에서 관리합니다.
home-centres = 센터 안내
home-members-count = 회원 도시 { $count }곳
home-signed-in-as = { $email } 계정으로 로그인했습니다
home-your-roles = 내 역할

## 공통 용어

common-save = 저장
common-cancel = 취소
common-edit = 수정
common-delete = 삭제
common-search = 검색
common-filter = 필터
common-all = 전체
common-yes = 예
common-no = 아니요
common-back = 뒤로
common-actions = 작업
common-page = { $pages }쪽 중 { $page }쪽
common-previous = 이전
common-next = 다음
common-none = 없음
common-download = 다운로드
common-optional = 선택 사항
common-required = 필수

## 언어 이름

common-language-en = 영어
common-language-fr = 프랑스어
common-language-es = 스페인어
common-language-ko = 한국어
common-language-ar = 아랍어
common-language-fa = 페르시아어
