### مدیریت: گزارش ممیزی و ایمیل‌های خروجی.

## گزارش ممیزی

audit-title = گزارش ممیزی
audit-actor = انجام‌دهنده
audit-organisation = سازمان
audit-action = کنش
audit-target = موضوع
audit-time = زمان
audit-filter = پالایش گزارش
audit-none = هیچ موردی با این معیارها مطابقت ندارد.
audit-system = سامانه (خودکار)

## ایمیل‌های خروجی

outbox-title = ایمیل‌های خروجی
outbox-to = گیرنده
outbox-subject = موضوع
outbox-status = وضعیت
outbox-status-pending = در انتظار
outbox-status-sent = ارسال‌شده
outbox-status-failed = ناموفق
outbox-created = زمان ثبت در صف
outbox-none = هیچ ایمیل خروجی وجود ندارد.

## حساب‌ها
users-title = حساب‌ها
user-invite = دعوت از یک نفر
user-invite-intro = فرد دعوت‌شده ایمیلی با پیوندی برای انتخاب گذرواژه دریافت می‌کند.
user-role = نقش
user-invited = دعوت‌نامه فرستاده شد.
