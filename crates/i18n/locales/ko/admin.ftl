### 관리: 감사 기록 및 발신 메일.

## 감사 기록

audit-title = 감사 기록
audit-actor = 수행자
audit-organisation = 기관
audit-action = 작업
audit-target = 대상
audit-time = 일시
audit-filter = 기록 필터
audit-none = 조건에 맞는 기록이 없습니다.
audit-system = 시스템(자동)

## 발신 메일

outbox-title = 발신 메일
outbox-to = 수신자
outbox-subject = 제목
outbox-status = 상태
outbox-status-pending = 대기 중
outbox-status-sent = 발송 완료
outbox-status-failed = 발송 실패
outbox-created = 대기열 등록 일시
outbox-none = 발신 메일이 없습니다.

## 계정
users-title = 계정
user-invite = 사용자 초대
user-invite-intro = 초대받은 사람은 비밀번호를 설정할 수 있는 링크가 담긴 이메일을 받습니다.
user-role = 역할
user-invited = 초대장을 보냈습니다.
