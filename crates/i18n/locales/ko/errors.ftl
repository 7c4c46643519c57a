### 오류 페이지 및 입력 항목 검증 메시지.

## 오류 페이지

error-title = 오류가 발생했습니다
error-not-found = 요청하신 페이지를 찾을 수 없습니다.
error-forbidden = 이 작업을 수행할 권한이 없습니다.
error-csrf = 양식의 유효 시간이 지났습니다. 페이지를 새로 고친 후 다시 시도해 주십시오.
error-validation = 일부 항목을 확인해야 합니다. 입력 내용을 검토해 주십시오.
error-internal = 예기치 않은 오류가 발생했습니다. 잠시 후 다시 시도해 주십시오.
error-too-large = 파일 또는 요청의 크기가 너무 큽니다.
error-unauthorized = 계속하시려면 로그인해 주십시오.
error-too-many-requests = 요청이 너무 많습니다. 잠시 기다리신 후 다시 시도해 주십시오.
error-conflict = 그사이 다른 사용자가 이 기록을 변경했습니다. 페이지를 새로 고친 후 다시 시도해 주십시오.
error-bad-request = 요청을 이해할 수 없습니다.

## 입력 항목

field-required = 필수 입력 항목입니다.
field-invalid-email = 올바른 이메일 주소를 입력해 주십시오.
field-too-long = { $max }자 이하로 입력해 주십시오.
field-invalid-date = 올바른 날짜를 입력해 주십시오.
field-invalid-choice = 제시된 항목 중 하나를 선택해 주십시오.
field-invalid-url = https://로 시작하는 올바른 웹 주소를 입력해 주십시오.
field-control-character = 이 텍스트에서 제어 문자(예: NUL)를 제거해 주십시오.
field-invalid-country = 올바른 국가를 선택해 주십시오.
field-invalid-timezone = 올바른 시간대를 선택해 주십시오.
field-date-order = 종료일은 시작일보다 앞설 수 없습니다.
field-invalid-slug = 영문 소문자, 숫자, 하이픈(-)만 사용하십시오.
field-email-taken = 이 이메일 주소로 등록된 계정이 이미 있습니다.
field-slug-taken = 다른 기관이 이미 이 식별자를 사용하고 있습니다.
field-membership-overlap = 이 기간은 기존 회원 기간과 겹칩니다.
field-mou-needs-two-parties = 당사자를 두 곳 이상 선택하십시오.
field-lifecycle-not-a-centre = 연수 센터만 운영 단계를 가집니다.
field-file-too-large = 파일이 너무 큽니다(최대 { $max }MB).
field-upload-malformed = 업로드가 불완전하거나 형식이 잘못되었습니다. 파일을 다시 선택하여 양식을 다시 보내 주세요.
field-file-type = PDF, JPEG, PNG 파일만 허용됩니다.
field-unknown-organisation = 선택한 기관 중 존재하지 않는 기관이 있습니다.
