### 로그인, 비밀번호 재설정, 계정 설정, API 토큰, 계정 메일.

## 로그인

login-title = 로그인
login-email = 이메일 주소
login-password = 비밀번호
login-submit = 로그인
login-failed = 이메일 주소 또는 비밀번호가 올바르지 않습니다.
login-rate-limited = 로그인 시도 횟수가 너무 많습니다. { $minutes }분 후에 다시 시도해 주십시오.
logout-done = 로그아웃되었습니다.
forgot-password-link = 비밀번호를 잊으셨습니까?

## 비밀번호 재설정

reset-request-title = 비밀번호 재설정
reset-request-intro = 계정의 이메일 주소를 입력해 주십시오. 등록된 주소이면 새 비밀번호를 설정할 수 있는 링크를 보내 드립니다.
reset-request-submit = 재설정 링크 보내기
reset-request-sent = 해당 주소로 등록된 계정이 있으면 재설정 링크가 발송됩니다. 받은편지함을 확인해 주십시오.
reset-title = 새 비밀번호 설정
reset-new-password = 새 비밀번호
reset-confirm-password = 새 비밀번호 확인
reset-submit = 새 비밀번호 저장
reset-done = 비밀번호가 변경되었습니다. 이제 로그인하실 수 있습니다.
reset-invalid-token = 재설정 링크가 유효하지 않거나 만료되었습니다. 새 링크를 요청해 주십시오.
password-too-short = 비밀번호는 { $min }자 이상이어야 합니다.
password-too-common = 너무 흔한 비밀번호입니다. 추측하기 어려운 비밀번호를 선택해 주십시오.
password-mismatch = 두 비밀번호가 일치하지 않습니다.

## 계정 설정

account-title = 내 계정
account-language = 화면 언어
account-timezone = 시간대
account-save = 설정 저장
account-saved = 설정이 저장되었습니다.

## API 토큰

tokens-title = API 토큰
tokens-intro = API 토큰을 사용하면 스크립트나 다른 시스템이 사용자를 대신하여 miti를 이용할 수 있습니다. 비밀번호처럼 안전하게 관리해 주십시오.
token-name = 토큰 이름
token-create = 토큰 생성
token-created-once = 지금 이 토큰을 복사해 두십시오. 다시 표시되지 않습니다.
token-revoke = 폐기
token-revoked = 토큰이 폐기되었습니다.
token-none = API 토큰이 없습니다.
token-last-used = 마지막 사용
token-never-used = 사용한 적 없음

## 메일

email-reset-subject = miti 비밀번호 재설정 안내
email-reset-body =
    안녕하십니까?

    miti 계정의 비밀번호 재설정이 요청되었습니다.
    새 비밀번호를 설정하시려면 { $minutes }분 이내에 아래 링크를 열어 주십시오.

    { $link }

    본인이 요청하지 않으셨다면 이 메일을 무시하셔도 됩니다. 비밀번호는 변경되지 않습니다.
email-footer = 이 메일은 메트로폴리스 국제연수원 운영 플랫폼 miti에서 자동으로 발송되었습니다. 회신하지 마십시오.

email-welcome-subject = miti 계정이 만들어졌습니다
email-welcome-body =
    { $name } 님, 안녕하십니까.

    메트로폴리스 국제연수원 네트워크 플랫폼 miti에 귀하의 계정이 만들어졌습니다.
    { $days }일 이내에 아래 링크를 열어 비밀번호를 설정하십시오.

    { $link }
