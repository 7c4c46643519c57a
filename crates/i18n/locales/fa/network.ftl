### شبکه: سازمان‌ها، مناطق، چرخهٔ عضویت، افراد، تفاهم‌نامه‌ها، نقش‌ها.

## سازمان‌ها

org-list-title = سازمان‌ها
org-search = جست‌وجوی سازمان‌ها
org-search-placeholder = نام، شهر یا کشور
org-filter-kind = نوع
org-filter-region = منطقه
org-filter-status = وضعیت
org-count = { $count } سازمان
org-none = هیچ سازمانی با این معیارها مطابقت ندارد.
org-kind-secretariat = دبیرخانه
org-kind-headquarters = دفتر مرکزی
org-kind-regional-centre = مرکز منطقه‌ای
org-kind-regional-secretariat = دبیرخانهٔ منطقه‌ای
org-kind-member-city = شهر عضو
org-kind-partner = شریک
org-name = نام
org-names-intro = نام را به هر زبانی که می‌دانید وارد کنید؛ اگر ترجمه‌ای موجود نباشد، نام به زبان اصلی نمایش داده می‌شود.
org-main-language = زبان اصلی
org-kind = نوع سازمان
org-country = کشور
org-region = منطقه
org-city = شهر
org-website = وب‌سایت
org-timezone = منطقهٔ زمانی
org-working-languages = زبان‌های کاری
org-status = وضعیت
org-membership = عضویت
org-member = عضو
org-not-member = غیرعضو
org-member-since = عضو از
org-member-until = عضو تا
org-membership-add = افزودن دورهٔ عضویت
org-new = سازمان جدید
org-edit = ویرایش سازمان
org-save = ذخیرهٔ سازمان
org-created = سازمان ایجاد شد.
org-updated = اطلاعات سازمان به‌روز شد.
org-details = جزئیات
org-parent = سازمان مادر

## مناطق

region-africa = آفریقا
region-asia-pacific = آسیا و اقیانوسیه
region-europe = اروپا
region-latin-america = آمریکای لاتین
region-north-america = آمریکای شمالی
region-middle-east-west-asia = خاورمیانه و غرب آسیا

## چرخهٔ عضویت

lifecycle-title = چرخهٔ حیات مرکز
lifecycle-candidate = نامزد عضویت
lifecycle-active = فعال
lifecycle-withdrawing = در حال کناره‌گیری
lifecycle-withdrawn = کناره‌گیری‌شده
lifecycle-event-add = ثبت تغییر وضعیت
lifecycle-to-status = وضعیت جدید
lifecycle-date = تاریخ اجرا
lifecycle-note = یادداشت
lifecycle-document = مدرک پشتیبان
lifecycle-invalid-transition = وضعیت نمی‌تواند از «{ $from }» به «{ $to }» تغییر کند.

## افراد

people-title = افراد
person-name = نام و نام خانوادگی
person-email = نشانی ایمیل
person-phone = تلفن
person-organisation = سازمان
person-contact-role = نقش
person-add = افزودن فرد رابط
person-none = هنوز هیچ فرد رابطی ثبت نشده است.
contact-role-focal-point = رابط اصلی
contact-role-director = مدیر
contact-role-coordinator = هماهنگ‌کننده
contact-role-international-relations = روابط بین‌الملل
contact-role-other = سایر

## تفاهم‌نامه‌ها

mou-title = تفاهم‌نامه
mou-list-title = تفاهم‌نامه‌ها
mou-name = عنوان
mou-parties = طرفین
mou-signed-on = تاریخ امضا
mou-overseen-by = زیر نظر
mou-valid-until = معتبر تا
mou-open-ended = بدون تاریخ پایان
mou-file = سند امضاشده
mou-download = بارگیری سند امضاشده
mou-add = افزودن تفاهم‌نامه
mou-none = هیچ تفاهم‌نامه‌ای ثبت نشده است.

## نقش‌ها

role-network-admin = مدیر شبکه
role-centre-staff = کارمند مرکز
role-focal-point = رابط اصلی
role-applicant = متقاضی
role-expert = کارشناس
role-vetter = مسئول احراز صلاحیت
