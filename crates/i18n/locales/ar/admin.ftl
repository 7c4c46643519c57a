### الإدارة: سجل التدقيق والبريد الصادر.

## سجل التدقيق

audit-title = سجل التدقيق
audit-actor = المنفِّذ
audit-organisation = المنظمة
audit-action = الإجراء
audit-target = العنصر
audit-time = الوقت
audit-filter = تصفية السجل
audit-none = لا توجد إدخالات تطابق هذه المعايير.
audit-system = النظام (تلقائي)

## البريد الصادر

outbox-title = البريد الصادر
outbox-to = المستلم
outbox-subject = الموضوع
outbox-status = الحالة
outbox-status-pending = قيد الانتظار
outbox-status-sent = مُرسَل
outbox-status-failed = تعذّر الإرسال
outbox-created = وقت الإدراج في قائمة الانتظار
outbox-none = لا يوجد بريد صادر.

## الحسابات
users-title = الحسابات
user-invite = دعوة شخص
user-invite-intro = يتلقى الشخص رسالة بريد إلكتروني تتضمن رابطًا لاختيار كلمة المرور.
user-role = الدور
user-invited = أُرسلت الدعوة.
