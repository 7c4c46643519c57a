### miti — هيكل التطبيق: الاسم والتنقل والصفحة الرئيسية والكلمات المشتركة.
### للعربية ست فئات جمع (zero, one, two, few, many, other) وفق CLDR.
### "other" covers 100, 101, 102, 1000 … and fractions; it is phrased so that it also
### reads correctly for 103–199 …, which the plural library (CLDR 37 tables in
### intl_pluralrules 7) files under "other" instead of "few"/"many".

## التطبيق

app-name = miti
app-tagline = منصة العمليات لشبكة معهد متروبوليس الدولي للتدريب

## التنقل

nav-home = الرئيسية
nav-catalogue = دليل البرامج
nav-network = الشبكة
nav-organisations = المنظمات
nav-people = الأشخاص
nav-mous = مذكرات التفاهم
nav-audit = سجل التدقيق
nav-outbox = صندوق الصادر
nav-account = حسابي
nav-tokens = رموز الوصول البرمجي
nav-sign-in = تسجيل الدخول
nav-sign-out = تسجيل الخروج
nav-language = اللغة
nav-skip-to-content = الانتقال إلى المحتوى الرئيسي
nav-admin = الإدارة

## الصفحة الرئيسية

home-title = مرحبًا بكم في miti
home-intro = يجمع miti في مكان واحد دليل البرامج التدريبية وشبكة الأعضاء واتفاقيات الشراكة الخاصة بمعهد متروبوليس الدولي للتدريب.
home-centres = مراكزنا
home-members-count =
    { $count ->
        [zero] لا توجد مدن أعضاء
        [one] مدينة عضو واحدة
        [two] مدينتان عضوان
        [few] { $count } مدن أعضاء
        [many] { $count } مدينة عضوًا
       *[other] عدد المدن الأعضاء: { $count }
    }
home-signed-in-as = تم تسجيل الدخول باسم { $email }
home-your-roles = أدوارك

## كلمات مشتركة

common-save = حفظ
common-cancel = إلغاء
common-edit = تعديل
common-delete = حذف
common-search = بحث
common-filter = تصفية
common-all = الكل
common-yes = نعم
common-no = لا
common-back = رجوع
common-actions = الإجراءات
common-page = الصفحة { $page } من { $pages }
common-previous = السابق
common-next = التالي
common-none = لا شيء
common-download = تنزيل
common-optional = اختياري
common-required = مطلوب

## أسماء اللغات

common-language-en = الإنجليزية
common-language-fr = الفرنسية
common-language-es = الإسبانية
common-language-ko = الكورية
common-language-ar = العربية
common-language-fa = الفارسية
