# درخواست‌ها، نامزدهای شهرها، داوری، مصاحبه، احراز صلاحیت، گزینش، تصمیم‌ها.

nav-applications = درخواست‌های من
nav-nominations = نامزدهای شهر
nav-reviews = داوری‌ها
nav-vetting = احراز صلاحیت

signup-title = ساخت حساب متقاضی
signup-intro = برای برنامه‌های آموزشی شبکه درخواست دهید. پیوندی برای انتخاب گذرواژه به ایمیل شما می‌فرستیم.
signup-name = نام شما
signup-submit = ساخت حساب
signup-sent = اگر این نشانی بتواند ایمیل دریافت کند، پیوند انتخاب گذرواژه به‌زودی به آن می‌رسد.

application-mine-title = درخواست‌های من
application-none = هنوز درخواستی ندارید. برنامه‌ای را در فهرست دوره‌های آموزشی پیدا کنید.
application-apply = درخواست
application-programme = برنامه
application-status = وضعیت
application-status-draft = پیش‌نویس
application-status-submitted = ارسال‌شده
application-status-withdrawn = پس‌گرفته‌شده
application-decision = تصمیم
application-deadline = مهلت
application-pipeline = درخواست شما در چه مرحله‌ای است
application-about-you = دربارهٔ شما
application-questions = پرسش‌های فراخوان
application-question-conditional = فقط برای برخی از پاسخ‌ها به «{ $question }» لازم است.
application-city = شهر
application-city-not-listed = شهر من در فهرست نیست
application-member = شهر عضو
application-non-member = شهر غیرعضو
application-field-passport-name = نام کامل مطابق گذرنامه (با حروف لاتین)
application-field-gender = جنسیت
application-field-nationality = ملیت (کد کشور، مثلاً SN)
application-field-city-org-id = شهر شما
application-field-city-name = شهر (اگر در فهرست نیست)
application-field-country = کد کشور (اگر شهر در فهرست نیست)
application-field-region = منطقهٔ جهانی (اگر شهر در فهرست نیست)
application-field-position = سمت
application-field-department = اداره یا سازمان
application-field-interview-language = زبان مصاحبهٔ شما
application-documents = مدارک
application-documents-complete = همهٔ مدارک لازم پیوست شده است.
application-documents-missing = برخی از مدارک لازم پیوست نشده است.
application-upload = بارگذاری
application-endorsement = تأیید شهر
application-rank = رتبه
application-interview = مصاحبهٔ زبان
application-vetting = احراز صلاحیت
application-waitlist-position = جایگاه در فهرست انتظار
application-seat = جایگاه
application-respond-by = مهلت پاسخ
application-save-draft = ذخیرهٔ پیش‌نویس
application-submit = ارسال درخواست
application-save-changes = ذخیرهٔ تغییرات
application-withdraw = پس گرفتن درخواست
application-offer = جایگاهی به شما پیشنهاد شده است
application-offer-text = لطفاً پذیرش یا رد پیشنهاد را اعلام کنید؛ مهلت:
application-offer-confirm = تأیید جایگاه من
application-offer-decline = رد پیشنهاد
application-logistics = سفر و اقامت
application-letter = دعوت‌نامه برای روادید (PDF)
application-airfare-not-covered = هزینهٔ پرواز بین‌المللی در این برنامه پرداخت نمی‌شود.
application-draft-saved = پیش‌نویس ذخیره شد.
application-submitted = درخواست ارسال شد. ایمیل تأیید به‌زودی به دستتان می‌رسد.
application-document-uploaded = مدرک بارگذاری شد.
application-withdrawn = درخواست پس گرفته شد.
application-offer-confirmed = جایگاه شما قطعی شد.
application-offer-declined = پیشنهاد را رد کردید.
application-logistics-saved = جزئیات سفر ذخیره شد.

gender-female = زن
gender-male = مرد
gender-other = سایر
gender-undisclosed = ترجیح می‌دهم نگویم

endorsement-pending = در انتظار شهر
endorsement-endorsed = تأییدشده
endorsement-declined = ردشده

interview-scheduled = زمان‌بندی‌شده
interview-passed = قبول
interview-failed = مردود
interview-no-show = غیبت
interview-slot = تاریخ و ساعت (به وقت میزبان)
interview-interviewer = مصاحبه‌گر
interview-language = زبان
interview-outcome = نتیجه
interview-level = سطح
interview-notes = یادداشت‌ها
interview-saved = مصاحبه ذخیره شد.

vetting-title = احراز صلاحیت
vetting-none = موردی برای بررسی نیست.
vetting-pending = در انتظار
vetting-cleared = تأییدشده
vetting-refused = ردشده
vetting-saved = وضعیت احراز صلاحیت ذخیره شد.

outcome-offered = پیشنهاد جایگاه
outcome-confirmed = شرکت‌کنندهٔ قطعی
outcome-declined = انصراف
outcome-expired = پیشنهاد منقضی‌شده
outcome-waitlisted = در فهرست انتظار
outcome-not-selected = پذیرفته‌نشده

logistics-arrival-date = تاریخ ورود
logistics-arrival-time = ساعت ورود
logistics-arrival-flight = پرواز ورود
logistics-departure-date = تاریخ خروج
logistics-departure-time = ساعت خروج
logistics-departure-flight = پرواز خروج
logistics-lodging-nights = شب‌های اقامت
logistics-dietary = نیازهای غذایی
logistics-access = نیازهای دسترس‌پذیری

nomination-title = نامزدهای شهر من
nomination-none = هنوز درخواستی از شهر شما نرسیده است.
nomination-decision = تصمیم شهر
nomination-comment = توضیح (در صورت رد، الزامی است)
nomination-saved = تصمیم ذخیره شد.

review-title = داوری‌های من
review-none = هیچ درخواستی به شما سپرده نشده است.
review-state-to-declare = ابتدا تعارض منافع را اعلام کنید
review-state-to-score = در انتظار نمره‌دهی
review-state-done = نمره‌داده‌شده
review-state-conflict = تعارض منافع اعلام شده
review-conflict-question = آیا با این متقاضی تعارض منافع دارید؟
review-conflict-none = تعارض منافع ندارم
review-conflict-yes = بله، تعارض منافع دارم
review-conflict-note = تعارض را توضیح دهید
review-declare = ذخیرهٔ اعلام
review-rubric = نمره‌ها
review-comment = نظر
review-submit = ارسال نمره‌ها
review-saved = داوری ذخیره شد.
review-assign = تعیین داور
review-assigned = داور تعیین شد.

application-passport-name = نام (مطابق گذرنامه)
pipeline-title = درخواست‌ها
pipeline-total = درخواست‌ها
pipeline-reviews = داوری‌ها
pipeline-score = نمره
pipeline-gates = موارد باقی‌مانده
pipeline-eligible = واجد شرایط

gate-not-submitted = ارسال نشده
gate-non-member = فقط شهرهای عضو
gate-not-endorsed = بدون تأیید شهر
gate-documents-incomplete = مدارک ناقص
gate-no-review = داوری نشده
gate-interview-not-passed = مصاحبه قبول نشده
gate-vetting-not-cleared = احراز صلاحیت تأیید نشده
gate-clearance = در انتظار مجوز

override-title = تغییر دستی نتیجهٔ موتور گزینش
override-reason = دلیل (ثبت می‌شود)
override-include = اختصاص اجباری جایگاه
override-exclude = کنار گذاشتن
override-clear = حذف تغییر دستی
override-saved = تغییر دستی ثبت شد.

rules-title = قواعد داوری و گزینش
rules-allow-unendorsed = متقاضیانی که تأیید شهر خود را ندارند می‌توانند گزینش شوند
rules-interview-required = قبولی در مصاحبهٔ زبان الزامی است
rules-normalise = نرمال‌سازی نمره‌های هر داور
rules-rubric = معیارهای ارزیابی
rules-rubric-hint = هر خط یک معیار: کلید | وزن | بیشترین نمره | عنوان
rules-max-per-country = حداکثر برای هر کشور
rules-min-regions = دست‌کم این تعداد منطقهٔ جهانی
rules-respond-days = مهلت پاسخ به پیشنهاد (روز)
rules-waitlist-size = طول فهرست انتظار
rules-saved = قواعد ذخیره شد.

selection-title = گزینش
selection-run = اجرای موتور گزینش
selection-proposal = پیشنهاد گزینش
selection-optimal = بهینگی اثبات شده
selection-not-optimal = بهینگی اثبات نشده
selection-selected = گزینش‌شده
selection-objective = مجموع نمره
selection-confirm = قطعی کردن این گروه و اطلاع‌رسانی به همه
selection-confirmed = گروه شرکت‌کنندگان قطعی شد.
selection-seats = جایگاه‌های پرشده
selection-expire = منقضی کردن پیشنهادهای بی‌پاسخ و ارتقای فهرست انتظار
selection-participants = شرکت‌کنندگان و پیشنهادهای باز
selection-reason = دلیل
selection-status-selected = گزینش‌شده
selection-status-waitlisted = در فهرست انتظار
selection-status-not-selected = گزینش‌نشده
selection-status-ineligible = فاقد شرایط
selection-run-done = گزینش محاسبه شد.
selection-confirmed-done = گروه شرکت‌کنندگان قطعی شد؛ در حال اطلاع‌رسانی به متقاضیان و شهرهایشان هستیم.
selection-expired-done = پیشنهادهایی که مهلتشان گذشته بود منقضی شدند و فهرست انتظار ارتقا یافت.

report-title = گزارش مرحله
report-funnel = قیف مراحل
report-stage = مرحله
report-applications = درخواست‌ها
report-by-city = بر اساس شهر
report-by-region = بر اساس منطقه
report-by-member = بر اساس وضعیت عضویت
report-by-gender = بر اساس جنسیت
report-region = منطقه
report-member = وضعیت عضویت
funnel-applied = درخواست‌داده
funnel-endorsed = تأییدشده از سوی شهر
funnel-interviewed = مصاحبه‌شده
funnel-vetted = احراز صلاحیت‌شده
funnel-selected = گزینش‌شده
funnel-confirmed = قطعی‌شده

field-latin-letters-only = از حروف لاتین استفاده کنید، همان‌طور که در گذرنامهٔ شما چاپ شده است.
field-unknown-city = شهری را از فهرست انتخاب کنید.
field-invalid-time = زمان را به شکل HH:MM وارد کنید.
field-outside-programme = این تاریخ بیش از حد از تاریخ‌های برنامه دور است.
field-invalid-datetime = تاریخ و ساعت را وارد کنید.
field-nonexistent-local-time = این زمان در منطقهٔ زمانی میزبان وجود ندارد (تغییر ساعت).
field-invalid-rubric-line = هر خط باید این‌ها را داشته باشد: کلید | وزن 1–10 | بیشترین نمره 1–100 | عنوان.
field-rank-taken = نامزد دیگری از شهر شما همین رتبه را دارد.
field-already-assigned = این داور پیش‌تر تعیین شده است.

email-application-submitted-subject = درخواست دریافت شد: { $programme }
email-application-submitted-body =
    { $name } گرامی، سلام

    درخواست شما برای «{ $programme }» را دریافت کردیم. می‌توانید آن را از اینجا پیگیری کنید و تا پایان مهلت ویرایش کنید: { $link }
email-offer-subject = پیشنهاد جایگاه: { $programme }
email-offer-body =
    { $name } گرامی، سلام

    شما برای «{ $programme }» گزینش شده‌اید. لطفاً تا { $deadline } جایگاه خود را تأیید یا رد کنید: { $link }
email-waitlisted-subject = فهرست انتظار: { $programme }
email-waitlisted-body =
    { $name } گرامی، سلام

    ظرفیت «{ $programme }» فعلاً تکمیل است؛ شما نفر { $position } فهرست انتظار هستید. اگر جایگاهی خالی شود، دوباره برایتان می‌نویسیم: { $link }
email-not-selected-subject = درخواست شما: { $programme }
email-not-selected-body =
    { $name } گرامی، سلام

    از درخواست شما برای «{ $programme }» سپاسگزاریم. متأسفیم که این بار نمی‌توانیم جایگاهی به شما پیشنهاد کنیم. جزئیات را می‌توانید اینجا ببینید: { $link }
email-nominee-decision-subject = تصمیم دربارهٔ نامزد شهر شما: { $programme }
email-nominee-decision-body =
    { $name } گرامی، سلام

    تصمیم دربارهٔ { $applicant } برای «{ $programme }» چنین است: { $outcome }. نامزدهای شهر خود را اینجا ببینید: { $link }

## Selection reasons: the engine's explanation of each decision

reason-programme-rules-unattainable = هیچ گروهی در { $programme } نمی‌تواند قاعدهٔ «{ $rule }» را رعایت کند (کمبود: { $shortfall })
reason-programme-empty = در { $programme } کسی انتخاب نشد
reason-seats-taken-by-overrides = همهٔ جایگاه‌های { $programme } با تصمیم کارکنان واگذار شد
reason-lower-score = امتیاز کمتر از آخرین فرد انتخاب‌شده در { $programme } ({ $score } < { $last })
reason-tie-break = امتیاز برابر با آخرین فرد انتخاب‌شده در { $programme } ({ $score })؛ تساوی با ترتیب اولویت‌ها و شمارهٔ درخواست‌ها حل شد
reason-score-not-positive = امتیاز { $score } چیزی به مجموع نمی‌افزاید
reason-better-overall = دادن جایگاهی در { $programme } به این متقاضی مجموع امتیاز را کاهش می‌دهد یا قاعده‌ای را در جای دیگر نقض می‌کند
reason-city-cap = سقف { $cap } نفر برای هر شهر در { $programme } با متقاضیان دیگر از { $city } پر شده است
reason-country-cap = سقف { $cap } نفر برای هر کشور در { $programme } با متقاضیان دیگر از { $country } پر شده است
reason-member-share = { $programme } دست‌کم { $share }٪ شرکت‌کننده از شهرهای عضو لازم دارد، پس جایگاه به یک عضو رسید
reason-gender-share = { $programme } دست‌کم { $share }٪ شرکت‌کننده با جنسیت «{ $gender }» لازم دارد
reason-region-rule = { $programme } دست‌کم { $regions } منطقهٔ جهانی لازم دارد و برای آن به منتخبانی با امتیاز کمتر نیاز است
reason-capacity = ظرفیت { $programme } پر است ({ $capacity } جایگاه)
reason-override-selected = با تصمیم کارکنان برای { $programme } انتخاب شد: { $why }
reason-override-excluded = با تصمیم کارکنان کنار گذاشته شد: { $why }
reason-not-eligible = واجد شرایط نیست
reason-not-eligible-gates = واجد شرایط نیست: { $details }
reason-no-preferences = انتخاب نشد: هیچ برنامه‌ای ذکر نشده بود
reason-selected = برای { $programme } انتخاب شد
reason-selected-lower-choice = برای { $programme } انتخاب شد (اولویت { $rank })؛ در اولویت بالاتر انتخاب نشد: { $details }
reason-waitlisted = در فهرست انتظار { $programme } در ردیف { $position }؛ انتخاب نشد زیرا: { $details }
reason-not-selected = انتخاب نشد: { $details }
reason-promoted = پس از انصراف شرکت‌کنندهٔ دیگر، جایگاهی در { $programme } پیشنهاد شد؛ همهٔ قاعده‌ها همچنان رعایت می‌شوند
reason-offer-expired = به پیشنهاد تا مهلت پاسخ داده نشد.
reason-declined-by-applicant = متقاضی پیشنهاد را نپذیرفت.
rule-capacity = ظرفیت
rule-max-per-city = سقف هر شهر
rule-max-per-country = سقف هر کشور
rule-min-member-share = سهم شهرهای عضو
rule-min-gender-share = توازن جنسیتی
rule-min-regions = مناطق جهان
rule-rules-combined = ترکیب قاعده‌ها
violation-kind-broken = نقض‌شده
violation-kind-unattainable = رعایت‌نشدنی
violation-kind-limits-cohort = گروه را محدود می‌کند
violation-needed-available = { $needed } لازم، { $available } در دسترس
violation-needed-actual = { $needed } لازم، { $actual } انتخاب‌شده
violation-limit-actual = سقف { $limit }، { $actual } انتخاب‌شده
violation-limits-cohort = حداکثر { $max } از { $size } جایگاه را می‌توان پر کرد
violation-selected-of = { $selected } از { $size } جایگاه پر شد
violation-short-by = کمبود: { $shortfall }
