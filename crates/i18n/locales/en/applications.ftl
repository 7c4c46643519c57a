# Applications, nominations, review, interviews, vetting, selection, decisions.

nav-applications = My applications
nav-nominations = Nominations
nav-reviews = Reviews
nav-vetting = Vetting

signup-title = Create an applicant account
signup-intro = Apply to the network's training programmes. We will email you a link to choose your password.
signup-name = Your name
signup-submit = Create account
signup-sent = If the address can receive mail, a link to choose your password is on its way.

application-mine-title = My applications
application-none = You have no applications yet. Find a programme in the catalogue.
application-apply = Apply
application-programme = Programme
application-status = Status
application-status-draft = Draft
application-status-submitted = Submitted
application-status-withdrawn = Withdrawn
application-decision = Decision
application-deadline = Deadline
application-pipeline = Where your application stands
application-about-you = About you
application-questions = Questions of the call
application-question-conditional = Only needed for some answers to “{ $question }”.
application-city = City
application-city-not-listed = My city is not listed
application-member = Member city
application-non-member = Non-member city
application-field-passport-name = Full name as in your passport (Latin letters)
application-field-gender = Gender
application-field-nationality = Nationality (country code, e.g. SN)
application-field-city-org-id = Your city
application-field-city-name = City (if not listed)
application-field-country = Country code (if not listed)
application-field-region = World region (if not listed)
application-field-position = Position
application-field-department = Department or organisation
application-field-interview-language = Language for your interview
application-documents = Documents
application-documents-complete = All required documents are attached.
application-documents-missing = Some required documents are missing.
application-upload = Upload
application-endorsement = City endorsement
application-rank = Rank
application-interview = Language interview
application-vetting = Vetting
application-waitlist-position = waitlist position
application-seat = seat
application-respond-by = answer by
application-save-draft = Save draft
application-submit = Submit application
application-save-changes = Save changes
application-withdraw = Withdraw my application
application-offer = You have been offered a place
application-offer-text = Please confirm or decline by
application-offer-confirm = Confirm my place
application-offer-decline = Decline
application-logistics = Travel and stay
application-letter = Invitation letter for your visa (PDF)
application-airfare-not-covered = International airfare is not covered by this programme.
application-draft-saved = Draft saved.
application-submitted = Application submitted. A confirmation is on its way by email.
application-document-uploaded = Document uploaded.
application-withdrawn = Application withdrawn.
application-offer-confirmed = Your place is confirmed.
application-offer-declined = You declined the offer.
application-logistics-saved = Travel details saved.

gender-female = Female
gender-male = Male
gender-other = Other
gender-undisclosed = Prefer not to say

endorsement-pending = Awaiting the city
endorsement-endorsed = Endorsed
endorsement-declined = Declined

interview-scheduled = Scheduled
interview-passed = Passed
interview-failed = Not passed
interview-no-show = Did not attend
interview-slot = Date and time (host's time zone)
interview-interviewer = Interviewer
interview-language = Language
interview-outcome = Outcome
interview-level = Level
interview-notes = Notes
interview-saved = Interview saved.

vetting-title = Vetting
vetting-none = Nothing to vet.
vetting-pending = Pending
vetting-cleared = Cleared
vetting-refused = Refused
vetting-saved = Vetting status saved.

outcome-offered = Offered a place
outcome-confirmed = Confirmed participant
outcome-declined = Declined
outcome-expired = Offer expired
outcome-waitlisted = On the waitlist
outcome-not-selected = Not selected

logistics-arrival-date = Arrival date
logistics-arrival-time = Arrival time
logistics-arrival-flight = Arrival flight
logistics-departure-date = Departure date
logistics-departure-time = Departure time
logistics-departure-flight = Departure flight
logistics-lodging-nights = Nights of lodging
logistics-dietary = Dietary needs
logistics-access = Access needs

nomination-title = Nominations from my city
nomination-none = No applications from your city yet.
nomination-decision = The city's decision
nomination-comment = Comment (required when declining)
nomination-saved = Decision saved.

review-title = My reviews
review-none = No applications assigned to you.
review-state-to-declare = Declare conflicts first
review-state-to-score = To score
review-state-done = Scored
review-state-conflict = Conflict of interest declared
review-conflict-question = Do you have a conflict of interest with this applicant?
review-conflict-none = No conflict of interest
review-conflict-yes = Yes, I have a conflict of interest
review-conflict-note = Explain the conflict
review-declare = Save declaration
review-rubric = Scores
review-comment = Comment
review-submit = Submit scores
review-saved = Review saved.
review-assign = Assign reviewer
review-assigned = Reviewer assigned.

application-passport-name = Name (as in passport)
pipeline-title = Applications
pipeline-total = Applications
pipeline-reviews = Reviews
pipeline-score = Score
pipeline-gates = Still missing
pipeline-eligible = eligible

gate-not-submitted = not submitted
gate-non-member = member cities only
gate-not-endorsed = no city endorsement
gate-documents-incomplete = documents missing
gate-no-review = not reviewed
gate-interview-not-passed = interview not passed
gate-vetting-not-cleared = vetting not cleared
gate-clearance = awaiting clearance

override-title = Override the engine
override-reason = Reason (recorded)
override-include = Force a seat
override-exclude = Exclude
override-clear = Clear override
override-saved = Override recorded.

rules-title = Review and selection rules
rules-allow-unendorsed = Applicants without their city's endorsement may be selected
rules-interview-required = A passed language interview is required
rules-normalise = Normalise each reviewer's scores
rules-rubric = Rubric
rules-rubric-hint = One criterion per line: key | weight | highest score | label
rules-max-per-country = At most per country
rules-min-regions = At least this many world regions
rules-respond-days = Days to answer an offer
rules-waitlist-size = Length of the waitlist
rules-saved = Rules saved.

selection-title = Selection
selection-run = Run the selection engine
selection-proposal = Proposal
selection-optimal = proven optimal
selection-not-optimal = not proven optimal
selection-selected = selected
selection-objective = total score
selection-confirm = Confirm this cohort and notify everyone
selection-confirmed = The cohort is confirmed.
selection-seats = Seats taken
selection-expire = Expire unanswered offers and promote
selection-participants = Participants and open offers
selection-reason = Why
selection-status-selected = Selected
selection-status-waitlisted = Waitlisted
selection-status-not-selected = Not selected
selection-status-ineligible = Not eligible
selection-run-done = Selection computed.
selection-confirmed-done = Cohort confirmed; applicants and their cities are being notified.
selection-expired-done = Overdue offers expired; the waitlist was promoted.

report-title = Step report
report-funnel = Funnel
report-stage = Step
report-applications = Applications
report-by-city = By city
report-by-region = By region
report-by-member = By member status
report-by-gender = By gender
report-region = Region
report-member = Member status
funnel-applied = Applied
funnel-endorsed = Endorsed
funnel-interviewed = Interviewed
funnel-vetted = Vetted
funnel-selected = Selected
funnel-confirmed = Confirmed

field-latin-letters-only = Use Latin letters, as printed in your passport.
field-unknown-city = Choose a city from the list.
field-invalid-time = Enter a time as HH:MM.
field-outside-programme = This date is too far from the programme's dates.
field-invalid-datetime = Enter a date and time.
field-nonexistent-local-time = This time does not exist in the host's time zone (clock change).
field-invalid-rubric-line = Each line needs: key | weight 1–10 | highest score 1–100 | label.
field-rank-taken = Another nominee of your city already has this rank.
field-already-assigned = This reviewer is already assigned.

email-application-submitted-subject = Application received: { $programme }
email-application-submitted-body =
    Dear { $name },

    We have received your application to “{ $programme }”. You can follow it, and edit it until the deadline, here: { $link }
email-offer-subject = You are offered a place: { $programme }
email-offer-body =
    Dear { $name },

    You have been selected for “{ $programme }”. Please confirm or decline your place by { $deadline }: { $link }
email-waitlisted-subject = Waitlist: { $programme }
email-waitlisted-body =
    Dear { $name },

    The cohort of “{ $programme }” is full for now; you are number { $position } on the waitlist. We will write again if a place opens: { $link }
email-not-selected-subject = Your application: { $programme }
email-not-selected-body =
    Dear { $name },

    Thank you for applying to “{ $programme }”. We are sorry that we cannot offer you a place this time. You can see the details here: { $link }
email-nominee-decision-subject = Decision on your city's nominee: { $programme }
email-nominee-decision-body =
    Dear { $name },

    The decision on { $applicant } for “{ $programme }” is: { $outcome }. See your city's nominations: { $link }

## Selection reasons: the engine's explanation of each decision

reason-programme-rules-unattainable = no cohort of { $programme } can meet the rule “{ $rule }” (short by { $shortfall })
reason-programme-empty = { $programme } selected nobody
reason-seats-taken-by-overrides = all seats of { $programme } were given by staff overrides
reason-lower-score = lower score than the last selected in { $programme } ({ $score } < { $last })
reason-tie-break = same score as the last selected in { $programme } ({ $score }); the tie was decided by preference ranks and application numbers
reason-score-not-positive = a score of { $score } adds nothing to the total
reason-better-overall = a seat in { $programme } for this applicant would lower the total score or break a rule elsewhere
reason-city-cap = the cap of { $cap } per city in { $programme } is reached by other applicants from { $city }
reason-country-cap = the cap of { $cap } per country in { $programme } is reached by other applicants from { $country }
reason-member-share = { $programme } needs at least { $share }% of participants from member cities, so the seat went to a member
reason-gender-share = { $programme } needs at least { $share }% of participants of gender “{ $gender }”
reason-region-rule = { $programme } needs at least { $regions } world regions, and lower-scored selected applicants are needed for that
reason-capacity = { $programme } is full ({ $capacity } seats)
reason-override-selected = Selected for { $programme } by a staff override: { $why }
reason-override-excluded = Excluded by a staff override: { $why }
reason-not-eligible = Not eligible
reason-not-eligible-gates = Not eligible: { $details }
reason-no-preferences = Not selected: no programme was listed
reason-selected = Selected for { $programme }
reason-selected-lower-choice = Selected for { $programme } (choice { $rank }); not in a higher choice: { $details }
reason-waitlisted = Waitlisted at position { $position } for { $programme }; not selected because: { $details }
reason-not-selected = Not selected: { $details }
reason-promoted = Offered a place in { $programme } after another participant withdrew; every rule still holds
reason-offer-expired = The offer was not answered by its deadline.
reason-declined-by-applicant = The applicant declined the offer.
rule-capacity = Capacity
rule-max-per-city = Cap per city
rule-max-per-country = Cap per country
rule-min-member-share = Share of member cities
rule-min-gender-share = Gender balance
rule-min-regions = World regions
rule-rules-combined = Rules combined
violation-kind-broken = broken
violation-kind-unattainable = cannot be met
violation-kind-limits-cohort = limits the cohort
violation-needed-available = { $needed } needed, { $available } available
violation-needed-actual = { $needed } needed, { $actual } selected
violation-limit-actual = limit { $limit }, { $actual } selected
violation-limits-cohort = at most { $max } of { $size } seats can be filled
violation-selected-of = { $selected } of { $size } seats filled
violation-short-by = short by { $shortfall }
