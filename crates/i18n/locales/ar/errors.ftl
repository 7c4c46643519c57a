### صفحات الأخطاء ورسائل التحقق من حقول النماذج.

## صفحات الأخطاء

error-title = حدث خطأ
error-not-found = الصفحة المطلوبة غير موجودة.
error-forbidden = ليس لديك إذن بتنفيذ هذا الإجراء.
error-csrf = انتهت صلاحية النموذج. يُرجى إعادة تحميل الصفحة والمحاولة مرة أخرى.
error-validation = بعض الحقول تحتاج إلى مراجعة. يُرجى التحقق من النموذج.
error-internal = حدث خطأ غير متوقع. يُرجى المحاولة لاحقًا.
error-too-large = الملف أو الطلب كبير جدًا.
error-unauthorized = يُرجى تسجيل الدخول للمتابعة.
error-too-many-requests = طلبات كثيرة جدًا. يُرجى الانتظار قليلًا ثم المحاولة مرة أخرى.
error-conflict = عدّل شخص آخر هذا السجل في هذه الأثناء. يُرجى إعادة تحميل الصفحة والمحاولة مرة أخرى.
error-bad-request = تعذّر فهم الطلب.

## حقول النماذج

field-required = هذا الحقل مطلوب.
field-invalid-email = يُرجى إدخال بريد إلكتروني صالح.
field-too-long =
    { $max ->
        [zero] يُرجى ألا يتجاوز عدد الأحرف { $max }.
        [one] يُرجى ألا يتجاوز النص حرفًا واحدًا.
        [two] يُرجى ألا يتجاوز النص حرفين.
        [few] يُرجى ألا يتجاوز النص { $max } أحرف.
        [many] يُرجى ألا يتجاوز النص { $max } حرفًا.
       *[other] يُرجى ألا يتجاوز عدد الأحرف { $max }.
    }
field-invalid-date = يُرجى إدخال تاريخ صالح.
field-invalid-choice = يُرجى اختيار أحد الخيارات المتاحة.
field-invalid-url = يُرجى إدخال عنوان ويب صالح يبدأ بـ https://.
field-control-character = احذف حرف التحكم (مثل NUL) من هذا النص.
field-invalid-country = يُرجى اختيار بلد صالح.
field-invalid-timezone = يُرجى اختيار منطقة زمنية صالحة.
field-date-order = يجب ألا يسبق تاريخ الانتهاء تاريخ البدء.
field-invalid-slug = استخدم الأحرف اللاتينية الصغيرة والأرقام والشرطات فقط.
field-email-taken = يوجد حساب بهذا البريد الإلكتروني بالفعل.
field-slug-taken = تستخدم منظمة أخرى هذا المعرّف بالفعل.
field-membership-overlap = تتداخل هذه الفترة مع فترة عضوية قائمة.
field-mou-needs-two-parties = اختر طرفين على الأقل.
field-lifecycle-not-a-centre = مراكز التدريب وحدها لها دورة حياة.
field-file-too-large = الملف كبير جدًا (الحد الأقصى { $max } ميغابايت).
field-upload-malformed = وصل الملف المرفوع ناقصًا أو بصيغة غير صحيحة. يُرجى اختيار الملف وإرسال النموذج مرة أخرى.
field-file-type = لا تُقبل إلا ملفات PDF وJPEG وPNG.
field-unknown-organisation = إحدى المنظمات المختارة غير موجودة.
