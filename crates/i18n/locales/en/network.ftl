### The network: organisations, regions, membership lifecycle, people, MoUs, roles.

## Organisations

org-list-title = Organisations
org-search = Search organisations
org-search-placeholder = Name, city or country
org-filter-kind = Type
org-filter-region = Region
org-filter-status = Status
# $count (number): how many organisations match.
org-count =
    { $count ->
        [one] { $count } organisation
       *[other] { $count } organisations
    }
org-none = No organisations match these criteria.
org-kind-secretariat = Secretariat
org-kind-headquarters = Headquarters
org-kind-regional-centre = Regional centre
org-kind-regional-secretariat = Regional secretariat
org-kind-member-city = Member city
org-kind-partner = Partner
org-name = Name
org-names-intro = Give the name in each language you know; the main language is shown when a translation is missing.
org-main-language = Main language
org-kind = Type of organisation
org-country = Country
org-region = Region
org-city = City
org-website = Website
org-timezone = Time zone
org-working-languages = Working languages
org-status = Status
org-membership = Membership
org-member = Member
org-not-member = Not a member
org-member-since = Member since
org-member-until = Member until
org-membership-add = Add a membership period
org-new = New organisation
org-edit = Edit organisation
org-save = Save organisation
org-created = The organisation has been created.
org-updated = The organisation has been updated.
org-details = Details
org-parent = Parent organisation

## Regions

region-africa = Africa
region-asia-pacific = Asia-Pacific
region-europe = Europe
region-latin-america = Latin America
region-north-america = North America
region-middle-east-west-asia = Middle East and West Asia

## Membership lifecycle

lifecycle-title = Centre lifecycle
lifecycle-candidate = Candidate
lifecycle-active = Active
lifecycle-withdrawing = Withdrawing
lifecycle-withdrawn = Withdrawn
lifecycle-event-add = Record a status change
lifecycle-to-status = New status
lifecycle-date = Effective date
lifecycle-note = Note
lifecycle-document = Supporting document
# $from, $to (strings): the already translated status names (lifecycle-*).
lifecycle-invalid-transition = The status cannot change from “{ $from }” to “{ $to }”.

## People

people-title = People
person-name = Full name
person-email = E-mail address
person-phone = Telephone
person-organisation = Organisation
person-contact-role = Role
person-add = Add a contact person
person-none = No contact people have been recorded yet.
contact-role-focal-point = Focal point
contact-role-director = Director
contact-role-coordinator = Coordinator
contact-role-international-relations = International relations
contact-role-other = Other

## Memoranda of understanding

mou-title = Memorandum of understanding
mou-list-title = Memoranda of understanding
mou-name = Title
mou-parties = Parties
mou-signed-on = Signed on
mou-overseen-by = Overseen by
mou-valid-until = Valid until
mou-open-ended = Open-ended
mou-file = Signed document
mou-download = Download the signed document
mou-add = Add an MoU
mou-none = No memoranda of understanding have been recorded.

## Roles

role-network-admin = Network administrator
role-centre-staff = Centre staff
role-focal-point = Focal point
role-applicant = Applicant
role-expert = Expert
role-vetter = Vetting officer
