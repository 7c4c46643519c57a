# الطلبات والترشيحات والتقييم والمقابلات والتدقيق والاختيار والقرارات.

nav-applications = طلباتي
nav-nominations = الترشيحات
nav-reviews = التقييمات
nav-vetting = التدقيق

signup-title = إنشاء حساب مقدم طلب
signup-intro = تقدّم بطلب للالتحاق بالبرامج التدريبية للشبكة. سنرسل إليك عبر البريد الإلكتروني رابطًا لاختيار كلمة المرور.
signup-name = اسمك
signup-submit = إنشاء الحساب
signup-sent = إذا كان هذا العنوان قادرًا على استقبال البريد، فسيصلك قريبًا رابط لاختيار كلمة المرور.

application-mine-title = طلباتي
application-none = ليس لديك أي طلبات بعد. ابحث عن برنامج في دليل البرامج.
application-apply = تقديم طلب
application-programme = البرنامج
application-status = الحالة
application-status-draft = مسودة
application-status-submitted = مقدَّم
application-status-withdrawn = مسحوب
application-decision = القرار
application-deadline = الموعد النهائي
application-pipeline = أين وصل طلبك
application-about-you = معلوماتك
application-questions = أسئلة الدعوة
application-question-conditional = مطلوب فقط لبعض الإجابات عن «{ $question }».
application-city = المدينة
application-city-not-listed = مدينتي غير مدرجة
application-member = مدينة عضو
application-non-member = مدينة غير عضو
application-field-passport-name = الاسم الكامل كما في جواز السفر (بالأحرف اللاتينية)
application-field-gender = الجنس
application-field-nationality = الجنسية (رمز البلد، مثل SN)
application-field-city-org-id = مدينتك
application-field-city-name = المدينة (إذا لم تكن مدرجة)
application-field-country = رمز البلد (إذا لم تكن المدينة مدرجة)
application-field-region = منطقة العالم (إذا لم تكن المدينة مدرجة)
application-field-position = المنصب
application-field-department = الإدارة أو المنظمة
application-field-interview-language = لغة المقابلة
application-documents = المستندات
application-documents-complete = جميع المستندات المطلوبة مرفقة.
application-documents-missing = بعض المستندات المطلوبة ناقصة.
application-upload = رفع
application-endorsement = اعتماد المدينة
application-rank = الترتيب
application-interview = المقابلة اللغوية
application-vetting = التدقيق
application-waitlist-position = الترتيب في قائمة الانتظار
application-seat = المقعد
application-respond-by = الرد قبل
application-save-draft = حفظ المسودة
application-submit = تقديم الطلب
application-save-changes = حفظ التغييرات
application-withdraw = سحب طلبي
application-offer = عُرض عليك مقعد
application-offer-text = يُرجى التأكيد أو الاعتذار قبل
application-offer-confirm = تأكيد مقعدي
application-offer-decline = الاعتذار
application-logistics = السفر والإقامة
application-letter = خطاب الدعوة لطلب التأشيرة (PDF)
application-airfare-not-covered = لا يغطي هذا البرنامج تذاكر الطيران الدولي.
application-draft-saved = تم حفظ المسودة.
application-submitted = تم تقديم الطلب. ستصلك رسالة تأكيد عبر البريد الإلكتروني.
application-document-uploaded = تم رفع المستند.
application-withdrawn = تم سحب الطلب.
application-offer-confirmed = تم تأكيد مقعدك.
application-offer-declined = لقد اعتذرت عن العرض.
application-logistics-saved = تم حفظ تفاصيل السفر.

gender-female = أنثى
gender-male = ذكر
gender-other = آخر
gender-undisclosed = أفضّل عدم الإفصاح

endorsement-pending = بانتظار المدينة
endorsement-endorsed = معتمد
endorsement-declined = مرفوض

interview-scheduled = مجدولة
interview-passed = ناجحة
interview-failed = غير ناجحة
interview-no-show = عدم الحضور
interview-slot = التاريخ والوقت (بتوقيت المضيف)
interview-interviewer = مُجري المقابلة
interview-language = اللغة
interview-outcome = النتيجة
interview-level = المستوى
interview-notes = ملاحظات
interview-saved = تم حفظ المقابلة.

vetting-title = التدقيق
vetting-none = لا يوجد ما يحتاج إلى تدقيق.
vetting-pending = قيد الانتظار
vetting-cleared = مُجاز
vetting-refused = مرفوض
vetting-saved = تم حفظ حالة التدقيق.

outcome-offered = عرض مقعد
outcome-confirmed = مشاركة مؤكدة
outcome-declined = اعتذار عن العرض
outcome-expired = انتهاء صلاحية العرض
outcome-waitlisted = في قائمة الانتظار
outcome-not-selected = عدم الاختيار

logistics-arrival-date = تاريخ الوصول
logistics-arrival-time = وقت الوصول
logistics-arrival-flight = رحلة الوصول
logistics-departure-date = تاريخ المغادرة
logistics-departure-time = وقت المغادرة
logistics-departure-flight = رحلة المغادرة
logistics-lodging-nights = ليالي الإقامة
logistics-dietary = الاحتياجات الغذائية
logistics-access = احتياجات إمكانية الوصول

nomination-title = ترشيحات مدينتي
nomination-none = لا توجد طلبات من مدينتك بعد.
nomination-decision = قرار المدينة
nomination-comment = تعليق (مطلوب عند الرفض)
nomination-saved = تم حفظ القرار.

review-title = تقييماتي
review-none = لا توجد طلبات مسندة إليك.
review-state-to-declare = صرّح بتضارب المصالح أولًا
review-state-to-score = بانتظار التقييم
review-state-done = تم التقييم
review-state-conflict = تم التصريح بتضارب المصالح
review-conflict-question = هل لديك تضارب مصالح مع مقدم الطلب هذا؟
review-conflict-none = لا يوجد تضارب مصالح
review-conflict-yes = نعم، لدي تضارب مصالح
review-conflict-note = وضّح طبيعة التضارب
review-declare = حفظ التصريح
review-rubric = الدرجات
review-comment = تعليق
review-submit = إرسال الدرجات
review-saved = تم حفظ التقييم.
review-assign = إسناد مقيّم
review-assigned = تم إسناد المقيّم.

application-passport-name = الاسم (كما في جواز السفر)
pipeline-title = الطلبات
pipeline-total = الطلبات
pipeline-reviews = التقييمات
pipeline-score = الدرجة
pipeline-gates = ما زال ناقصًا
pipeline-eligible = مؤهل

gate-not-submitted = لم يُقدَّم
gate-non-member = للمدن الأعضاء فقط
gate-not-endorsed = لا يوجد اعتماد من المدينة
gate-documents-incomplete = مستندات ناقصة
gate-no-review = لم يُقيَّم
gate-interview-not-passed = لم يجتز المقابلة
gate-vetting-not-cleared = لم يُجَز في التدقيق
gate-clearance = بانتظار الإجازة

override-title = تجاوز قرار محرك الاختيار
override-reason = السبب (يُسجَّل)
override-include = فرض مقعد
override-exclude = استبعاد
override-clear = إلغاء التجاوز
override-saved = تم تسجيل التجاوز.

rules-title = قواعد التقييم والاختيار
rules-allow-unendorsed = يجوز اختيار المتقدمين الذين لم تعتمدهم مدنهم
rules-interview-required = يُشترط اجتياز المقابلة اللغوية
rules-normalise = توحيد مقياس درجات كل مقيّم
rules-rubric = سلّم التقييم
rules-rubric-hint = معيار واحد في كل سطر: المفتاح | الوزن | أعلى درجة | التسمية
rules-max-per-country = الحد الأقصى لكل بلد
rules-min-regions = الحد الأدنى لعدد مناطق العالم
rules-respond-days = عدد الأيام للرد على العرض
rules-waitlist-size = طول قائمة الانتظار
rules-saved = تم حفظ القواعد.

selection-title = الاختيار
selection-run = تشغيل محرك الاختيار
selection-proposal = المقترح
selection-optimal = الأمثلية مثبتة
selection-not-optimal = الأمثلية غير مثبتة
selection-selected = المختارون
selection-objective = مجموع الدرجات
selection-confirm = تأكيد هذه الدفعة وإخطار الجميع
selection-confirmed = تم تأكيد الدفعة.
selection-seats = المقاعد المشغولة
selection-expire = إنهاء العروض التي لم يُرد عليها وترقية قائمة الانتظار
selection-participants = المشاركون والعروض القائمة
selection-reason = السبب
selection-status-selected = مختار
selection-status-waitlisted = في قائمة الانتظار
selection-status-not-selected = غير مختار
selection-status-ineligible = غير مؤهل
selection-run-done = تم حساب الاختيار.
selection-confirmed-done = تم تأكيد الدفعة؛ ويجري إخطار المتقدمين ومدنهم.
selection-expired-done = انتهت صلاحية العروض المتأخرة، وتمت ترقية قائمة الانتظار.

report-title = تقرير المرحلة
report-funnel = مسار المراحل
report-stage = المرحلة
report-applications = الطلبات
report-by-city = حسب المدينة
report-by-region = حسب المنطقة
report-by-member = حسب العضوية
report-by-gender = حسب الجنس
report-region = المنطقة
report-member = وضع العضوية
funnel-applied = تقديم الطلب
funnel-endorsed = اعتماد المدينة
funnel-interviewed = المقابلة
funnel-vetted = التدقيق
funnel-selected = الاختيار
funnel-confirmed = التأكيد

field-latin-letters-only = استخدم الأحرف اللاتينية كما هي مطبوعة في جواز سفرك.
field-unknown-city = اختر مدينة من القائمة.
field-invalid-time = أدخل الوقت بصيغة HH:MM.
field-outside-programme = هذا التاريخ بعيد جدًا عن مواعيد البرنامج.
field-invalid-datetime = أدخل تاريخًا ووقتًا.
field-nonexistent-local-time = هذا الوقت غير موجود في المنطقة الزمنية للمضيف (تغيير الساعة).
field-invalid-rubric-line = يحتاج كل سطر إلى: المفتاح | الوزن 1–10 | أعلى درجة 1–100 | التسمية.
field-rank-taken = يحمل مرشح آخر من مدينتك هذا الترتيب بالفعل.
field-already-assigned = هذا المقيّم مُسنَد بالفعل.

email-application-submitted-subject = تم استلام الطلب: { $programme }
email-application-submitted-body =
    مرحبًا { $name }،

    تلقينا طلبك للالتحاق ببرنامج «{ $programme }». يمكنك متابعته، وتعديله حتى الموعد النهائي، من هنا: { $link }
email-offer-subject = عُرض عليك مقعد: { $programme }
email-offer-body =
    مرحبًا { $name }،

    وقع عليك الاختيار للمشاركة في «{ $programme }». يُرجى تأكيد مقعدك أو الاعتذار عنه قبل { $deadline }: { $link }
email-waitlisted-subject = قائمة الانتظار: { $programme }
email-waitlisted-body =
    مرحبًا { $name }،

    اكتملت مقاعد دفعة «{ $programme }» في الوقت الحالي؛ وترتيبك في قائمة الانتظار هو { $position }. سنراسلك مجددًا إذا شغر مقعد: { $link }
email-not-selected-subject = طلبك: { $programme }
email-not-selected-body =
    مرحبًا { $name }،

    نشكرك على تقدّمك بطلب إلى «{ $programme }». يؤسفنا أننا لا نستطيع أن نعرض عليك مقعدًا هذه المرة. يمكنك الاطلاع على التفاصيل هنا: { $link }
email-nominee-decision-subject = قرار بشأن مرشح مدينتك: { $programme }
email-nominee-decision-body =
    مرحبًا { $name }،

    القرار بشأن { $applicant } في «{ $programme }» هو: { $outcome }. اطّلع على ترشيحات مدينتك: { $link }

## Selection reasons: the engine's explanation of each decision

reason-programme-rules-unattainable = لا يمكن لأي مجموعة في { $programme } أن تستوفي قاعدة «{ $rule }» (النقص: { $shortfall })
reason-programme-empty = لم يُختر أحد في { $programme }
reason-seats-taken-by-overrides = مُنحت جميع مقاعد { $programme } بقرارات من الموظفين
reason-lower-score = درجة أقل من آخر من اختير في { $programme } ({ $score } < { $last })
reason-tie-break = الدرجة نفسها لآخر من اختير في { $programme } ({ $score })؛ حُسم التعادل بترتيب التفضيلات وأرقام الطلبات
reason-score-not-positive = درجة { $score } لا تضيف شيئًا إلى المجموع
reason-better-overall = منح هذا المتقدم مقعدًا في { $programme } يخفض المجموع أو يخالف قاعدة في مكان آخر
reason-city-cap = بلغ متقدمون آخرون من { $city } الحد الأقصى ({ $cap }) لكل مدينة في { $programme }
reason-country-cap = بلغ متقدمون آخرون من { $country } الحد الأقصى ({ $cap }) لكل بلد في { $programme }
reason-member-share = يتطلب { $programme } ألا تقل نسبة المشاركين من المدن الأعضاء عن { $share }٪، لذا ذهب المقعد إلى عضو
reason-gender-share = يتطلب { $programme } ألا تقل نسبة المشاركين من الجنس «{ $gender }» عن { $share }٪
reason-region-rule = يتطلب { $programme } { $regions } مناطق عالمية على الأقل، ويلزم لذلك مختارون بدرجات أقل
reason-capacity = اكتمل { $programme } ({ $capacity } مقعدًا)
reason-override-selected = اختير في { $programme } بقرار من الموظفين: { $why }
reason-override-excluded = استُبعد بقرار من الموظفين: { $why }
reason-not-eligible = غير مؤهل
reason-not-eligible-gates = غير مؤهل: { $details }
reason-no-preferences = لم يُختر: لم يُذكر أي برنامج
reason-selected = اختير في { $programme }
reason-selected-lower-choice = اختير في { $programme } (الخيار { $rank })؛ لم يُختر في خيار أعلى: { $details }
reason-waitlisted = على قائمة الانتظار في المرتبة { $position } في { $programme }؛ لم يُختر لأن: { $details }
reason-not-selected = لم يُختر: { $details }
reason-promoted = عُرض مقعد في { $programme } بعد انسحاب مشارك آخر؛ وما زالت كل القواعد مستوفاة
reason-offer-expired = لم يُرد على العرض قبل الموعد النهائي.
reason-declined-by-applicant = رفض المتقدم العرض.
rule-capacity = السعة
rule-max-per-city = الحد الأقصى لكل مدينة
rule-max-per-country = الحد الأقصى لكل بلد
rule-min-member-share = نسبة المدن الأعضاء
rule-min-gender-share = التوازن بين الجنسين
rule-min-regions = مناطق العالم
rule-rules-combined = القواعد مجتمعة
violation-kind-broken = مخالَفة
violation-kind-unattainable = لا يمكن استيفاؤها
violation-kind-limits-cohort = تحدّ من المجموعة
violation-needed-available = المطلوب { $needed }، والمتاح { $available }
violation-needed-actual = المطلوب { $needed }، والمختار { $actual }
violation-limit-actual = الحد { $limit }، والمختار { $actual }
violation-limits-cohort = لا يمكن شغل أكثر من { $max } من { $size } مقاعد
violation-selected-of = شُغل { $selected } من { $size } مقاعد
violation-short-by = النقص: { $shortfall }
