### Error pages and form-field validation messages.

## Error pages

error-title = Something went wrong
error-not-found = The page you are looking for does not exist.
error-forbidden = You do not have permission to do this.
error-csrf = The form has expired. Please reload the page and try again.
error-validation = Some fields need your attention. Please check the form.
error-internal = An unexpected error occurred. Please try again later.
error-too-large = The file or request is too large.
error-unauthorized = Please sign in to continue.
error-too-many-requests = Too many requests. Please wait a moment and try again.
error-conflict = Someone else changed this record in the meantime. Please reload the page and try again.
error-bad-request = The request could not be understood.

## Form fields

field-required = This field is required.
field-invalid-email = Please enter a valid e-mail address.
# $max (number): maximum length in characters.
field-too-long =
    { $max ->
        [one] Please use at most { $max } character.
       *[other] Please use at most { $max } characters.
    }
field-invalid-date = Please enter a valid date.
field-invalid-choice = Please choose one of the options.
field-invalid-url = Please enter a valid web address (starting with https://).
field-control-character = Remove the control character (such as NUL) from this text.
field-invalid-country = Please choose a valid country.
field-invalid-timezone = Please choose a valid time zone.
field-date-order = The end date must not be before the start date.
field-invalid-slug = Use only lower-case letters, digits and dashes.
field-email-taken = An account with this e-mail address already exists.
field-slug-taken = Another organisation already uses this identifier.
field-membership-overlap = This period overlaps an existing membership period.
field-mou-needs-two-parties = Choose at least two parties.
field-lifecycle-not-a-centre = Only training centres have a lifecycle.
# $max (number): largest size in megabytes.
field-file-too-large = The file is too large (at most { $max } MB).
field-upload-malformed = The upload arrived incomplete or malformed. Please choose the file and send the form again.
field-file-type = Only PDF, JPEG and PNG files are accepted.
field-unknown-organisation = One of the chosen organisations does not exist.
