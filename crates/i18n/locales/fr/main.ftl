### miti — coquille de l’application : nom, navigation, accueil, mots courants.

## Application

app-name = miti
app-tagline = Plateforme opérationnelle du réseau de l’Institut international de formation de Metropolis

## Navigation

nav-home = Accueil
nav-catalogue = Catalogue
nav-network = Réseau
nav-organisations = Organisations
nav-people = Personnes
nav-mous = Protocoles d’accord
nav-audit = Journal d’audit
nav-outbox = Boîte d’envoi
nav-account = Mon compte
nav-tokens = Jetons d’API
nav-sign-in = Se connecter
nav-sign-out = Se déconnecter
nav-language = Langue
nav-skip-to-content = Aller au contenu principal
nav-admin = Administration

## Accueil

home-title = Bienvenue sur miti
home-intro = miti réunit le catalogue de formations, le réseau des membres et les accords de partenariat de l’Institut international de formation de Metropolis.
home-centres = Nos centres
home-members-count =
    { $count ->
        [one] { $count } ville membre
        [many] { $count } de villes membres
       *[other] { $count } villes membres
    }
home-signed-in-as = Session ouverte en tant que { $email }
home-your-roles = Vos rôles

## Mots courants

common-save = Enregistrer
common-cancel = Annuler
common-edit = Modifier
common-delete = Supprimer
common-search = Rechercher
common-filter = Filtrer
common-all = Tous
common-yes = Oui
common-no = Non
common-back = Retour
common-actions = Actions
common-page = Page { $page } sur { $pages }
common-previous = Précédent
common-next = Suivant
common-none = Aucun
common-download = Télécharger
common-optional = facultatif
common-required = obligatoire

## Noms des langues

common-language-en = anglais
common-language-fr = français
common-language-es = espagnol
common-language-ko = coréen
common-language-ar = arabe
common-language-fa = persan
