### miti — application shell: name, navigation, home page, shared words.
### Key convention: <area>-<thing>[-<detail>], lower-case kebab-case.
### Variables are lower-case ($count, $email). Counts go through plural selectors.

## Application

app-name = miti
app-tagline = Operations platform of the Metropolis International Training Institute network

## Navigation

nav-home = Home
nav-catalogue = Catalogue
nav-network = Network
nav-organisations = Organisations
nav-people = People
nav-mous = MoUs
nav-audit = Audit log
nav-outbox = Outbox
nav-account = My account
nav-tokens = API tokens
nav-sign-in = Sign in
nav-sign-out = Sign out
nav-language = Language
nav-skip-to-content = Skip to main content
nav-admin = Administration

## Home page

home-title = Welcome to miti
home-intro = miti brings together the training catalogue, the member network and the partnership agreements of the Metropolis International Training Institute.
home-centres = Our centres
# $count (number): how many member cities the network has.
home-members-count =
    { $count ->
        [one] { $count } member city
       *[other] { $count } member cities
    }
# $email (string): the signed-in user's e-mail address.
home-signed-in-as = Signed in as { $email }
home-your-roles = Your roles

## Shared words

common-save = Save
common-cancel = Cancel
common-edit = Edit
common-delete = Delete
common-search = Search
common-filter = Filter
common-all = All
common-yes = Yes
common-no = No
common-back = Back
common-actions = Actions
# $page, $pages (numbers): current page and number of pages.
common-page = Page { $page } of { $pages }
common-previous = Previous
common-next = Next
common-none = None
common-download = Download
common-optional = optional
common-required = required

## Language names, as written in the viewer's language

common-language-en = English
common-language-fr = French
common-language-es = Spanish
common-language-ko = Korean
common-language-ar = Arabic
common-language-fa = Persian
