### الشبكة: المنظمات والمناطق ومراحل العضوية والأشخاص ومذكرات التفاهم والأدوار.

## المنظمات

org-list-title = المنظمات
org-search = البحث في المنظمات
org-search-placeholder = الاسم أو المدينة أو البلد
org-filter-kind = النوع
org-filter-region = المنطقة
org-filter-status = الحالة
org-count =
    { $count ->
        [zero] لا توجد منظمات
        [one] منظمة واحدة
        [two] منظمتان
        [few] { $count } منظمات
        [many] { $count } منظمة
       *[other] عدد المنظمات: { $count }
    }
org-none = لا توجد منظمات تطابق هذه المعايير.
org-kind-secretariat = الأمانة العامة
org-kind-headquarters = المقر الرئيسي
org-kind-regional-centre = مركز إقليمي
org-kind-regional-secretariat = أمانة إقليمية
org-kind-member-city = مدينة عضو
org-kind-partner = شريك
org-name = الاسم
org-names-intro = اكتب الاسم بكل لغة تعرفها؛ وتُعرض اللغة الرئيسية عند عدم توفر الترجمة.
org-main-language = اللغة الرئيسية
org-kind = نوع المنظمة
org-country = البلد
org-region = المنطقة
org-city = المدينة
org-website = الموقع الإلكتروني
org-timezone = المنطقة الزمنية
org-working-languages = لغات العمل
org-status = الحالة
org-membership = العضوية
org-member = عضو
org-not-member = غير عضو
org-member-since = عضو منذ
org-member-until = عضو حتى
org-membership-add = إضافة فترة عضوية
org-new = منظمة جديدة
org-edit = تعديل المنظمة
org-save = حفظ المنظمة
org-created = تم إنشاء المنظمة.
org-updated = تم تحديث بيانات المنظمة.
org-details = التفاصيل
org-parent = المنظمة الأم

## المناطق

region-africa = أفريقيا
region-asia-pacific = آسيا والمحيط الهادئ
region-europe = أوروبا
region-latin-america = أمريكا اللاتينية
region-north-america = أمريكا الشمالية
region-middle-east-west-asia = الشرق الأوسط وغرب آسيا

## مراحل العضوية

lifecycle-title = دورة حياة المركز
lifecycle-candidate = قيد الترشح
lifecycle-active = سارية
lifecycle-withdrawing = قيد الانسحاب
lifecycle-withdrawn = منسحبة
lifecycle-event-add = تسجيل تغيير في الحالة
lifecycle-to-status = الحالة الجديدة
lifecycle-date = تاريخ السريان
lifecycle-note = ملاحظة
lifecycle-document = مستند داعم
lifecycle-invalid-transition = لا يمكن تغيير الحالة من «{ $from }» إلى «{ $to }».

## الأشخاص

people-title = الأشخاص
person-name = الاسم الكامل
person-email = البريد الإلكتروني
person-phone = الهاتف
person-organisation = المنظمة
person-contact-role = الدور
person-add = إضافة شخص للتواصل
person-none = لم يُسجَّل أي شخص للتواصل بعد.
contact-role-focal-point = مسؤول الاتصال
contact-role-director = المدير
contact-role-coordinator = المنسق
contact-role-international-relations = العلاقات الدولية
contact-role-other = أخرى

## مذكرات التفاهم

mou-title = مذكرة تفاهم
mou-list-title = مذكرات التفاهم
mou-name = العنوان
mou-parties = الأطراف
mou-signed-on = تاريخ التوقيع
mou-overseen-by = بإشراف
mou-valid-until = سارية حتى
mou-open-ended = غير محددة المدة
mou-file = المستند الموقّع
mou-download = تنزيل المستند الموقّع
mou-add = إضافة مذكرة تفاهم
mou-none = لم تُسجَّل أي مذكرات تفاهم.

## الأدوار

role-network-admin = مسؤول الشبكة
role-centre-staff = موظف مركز
role-focal-point = مسؤول الاتصال
role-applicant = مقدم طلب
role-expert = خبير
role-vetter = مسؤول التدقيق
