### SDG alignment of programmes and the network's SDG coverage.

sdg-alignment-title = SDG alignment
sdg-alignment-edit = Edit the SDG alignment
# $title (string): the programme's title.
sdg-alignment-edit-title = SDG alignment: { $title }
sdg-alignment-intro = Align the course with the 2030 Agenda, as in the UCLG exercise: for each strategic focus, a project example and the goal, target and indicator it serves; then who plays a role, and the centre's answers.
sdg-alignment-none = No SDG alignment recorded yet.
sdg-alignment-table = Strategic focus and SDGs
sdg-alignment-empty-rows = Empty entries are ignored; after saving, new empty ones are offered.
# $number (number): the row's position, from 1.
sdg-alignment-row = Row { $number }
# $number (number): the stakeholder's position, from 1.
sdg-alignment-stakeholder = Stakeholder { $number }
sdg-alignment-strategic-focus = Strategic focus
sdg-alignment-project-example = Project example
sdg-alignment-goal = SDG
sdg-alignment-target = Target
sdg-alignment-indicator = Indicator
sdg-alignment-remove = Remove
sdg-alignment-stakeholders = Stakeholder map
sdg-alignment-stakeholders-intro = Who plays a role in achieving the plan: organisations or groups, their role, interest and influence, and the partnership with the centre.
sdg-alignment-organisation = Organisation or group
sdg-alignment-role = Role
sdg-alignment-interest = Interest
sdg-alignment-influence = Influence
sdg-alignment-partnership = Partnership
sdg-influence-low = Low
sdg-influence-medium = Medium
sdg-influence-high = High
sdg-partnership-existing = Existing
sdg-partnership-potential = Potential
sdg-partnership-none = None
sdg-alignment-answers = The centre's answers
sdg-answer-content-focus = Content and focus of the centre's courses
sdg-answer-partners = Partners
sdg-answer-target-audience = Target audience
sdg-answer-sdg-familiarity = Familiarity with the SDGs
sdg-answer-alignment-strength = Is alignment with the SDGs a strength?
sdg-answer-alignment-why = Why?
sdg-strength-yes = Yes
sdg-strength-partly = Partly
sdg-strength-no = No
sdg-alignment-saved = SDG alignment saved.
sdg-alignment-accepted = A row for the suggested goal was added: describe its strategic focus and project example, then save.
sdg-gender-badge = Gender equality (SDG 5)
sdg-gender-badge-hint = This course covers gender equality.
sdg-suggestions = Suggestions
sdg-suggestions-intro = Goals the SDG suggester finds in the programme's title, summary and description, with their score and the words that point to them. Accept one to add a row for it; reject it and it is not suggested again.
sdg-suggestions-none = No further suggestions.
sdg-suggestion-accept = Accept
sdg-suggestion-reject = Reject
sdg-suggestions-dismissed = Rejected suggestions
sdg-suggestion-restore = Suggest again

nav-sdg-coverage = SDG coverage
sdg-coverage-title = SDG coverage
sdg-coverage-intro = Which goals and targets the year's programmes cover, by centre and by theme. Cancelled programmes are left out.
sdg-coverage-year = Year
sdg-coverage-show = Show
sdg-coverage-csv = Download as CSV
# $total (number): programmes in the year; $aligned (number): those with an SDG alignment.
sdg-coverage-summary = Programmes: { $total } · with an SDG alignment: { $aligned }
sdg-coverage-none = No programmes in this year.
sdg-coverage-goals = Courses per goal
sdg-coverage-by-centre = By centre
sdg-coverage-by-theme = By theme
sdg-coverage-heatmap-legend = Each square counts the courses covering the goal; the darker, the more.
# $group (string): a centre or theme; $goal (number): 1–17; $programmes (number): courses.
sdg-coverage-cell = { $group } — SDG { $goal }: { $programmes }
sdg-coverage-uncovered = Goals no course touches
sdg-coverage-all-covered = Every goal is touched by at least one course.
sdg-coverage-gender = Gender equality (SDG 5) across all courses
# $covered (number), $total (number); $share (string): a percentage without the sign.
sdg-coverage-gender-share = Courses covering SDG 5: { $covered } of { $total } ({ $share } %).
sdg-coverage-gender-none = No course of this year covers SDG 5 yet.
sdg-coverage-targets = Targets covered
sdg-coverage-network = All programmes

# $max (number): the most entries allowed.
field-too-many = At most { $max } entries.
field-sdg-unknown-target = There is no such SDG target (e.g. 6.3 or 11.a).
# $target (string): e.g. 6.3; $goal (number): 1–17.
field-sdg-target-not-in-goal = Target { $target } does not belong to goal { $goal }.
field-sdg-unknown-indicator = There is no such SDG indicator (e.g. 6.3.1).
# $indicator (string): e.g. 6.3.1; $target (string): e.g. 6.3.
field-sdg-indicator-not-in-target = Indicator { $indicator } does not belong to target { $target }.
