### miti — اجزای اصلی برنامه: نام، ناوبری، صفحهٔ خانه، واژه‌های مشترک.
### در فارسی اسم پس از عدد مفرد می‌آید، پس پیام‌های شمارشی به گزینش جمع نیاز ندارند.

## برنامه

app-name = miti
app-tagline = سامانهٔ عملیاتی شبکهٔ مؤسسهٔ بین‌المللی آموزش متروپولیس

## ناوبری

nav-home = خانه
nav-catalogue = فهرست دوره‌ها
nav-network = شبکه
nav-organisations = سازمان‌ها
nav-people = افراد
nav-mous = تفاهم‌نامه‌ها
nav-audit = گزارش ممیزی
nav-outbox = صندوق خروجی
nav-account = حساب من
nav-tokens = توکن‌های دسترسی
nav-sign-in = ورود
nav-sign-out = خروج
nav-language = زبان
nav-skip-to-content = رفتن به محتوای اصلی
nav-admin = مدیریت

## صفحهٔ خانه

home-title = به miti خوش آمدید
home-intro = miti فهرست دوره‌های آموزشی، شبکهٔ اعضا و توافق‌نامه‌های همکاری مؤسسهٔ بین‌المللی آموزش متروپولیس را یک‌جا گرد می‌آورد.
home-centres = مراکز ما
home-members-count = { $count } شهر عضو
home-signed-in-as = با حساب { $email } وارد شده‌اید
home-your-roles = نقش‌های شما

## واژه‌های مشترک

common-save = ذخیره
common-cancel = لغو
common-edit = ویرایش
common-delete = حذف
common-search = جست‌وجو
common-filter = پالایش
common-all = همه
common-yes = بله
common-no = خیر
common-back = بازگشت
common-actions = کنش‌ها
common-page = صفحهٔ { $page } از { $pages }
common-previous = قبلی
common-next = بعدی
common-none = هیچ
common-download = بارگیری
common-optional = اختیاری
common-required = الزامی

## نام زبان‌ها

common-language-en = انگلیسی
common-language-fr = فرانسوی
common-language-es = اسپانیایی
common-language-ko = کره‌ای
common-language-ar = عربی
common-language-fa = فارسی
