"""Where the rules come from, in the words ``igftui rules`` shows."""

IGF_2017 = "IGF 2017 workshop proposal guidelines and evaluation criteria"
FORMATS_2016 = "IGF workshop session format outlines (2016-2017)"
FORMS = "IGF proposal forms (every field is required); per-type reading by igftui"
FORM_LIMITS = "IGF workshop proposal form (limits as published for 2015)"
IGF_2018 = "IGF 2018 workshop proposal criteria"
IGF_2023 = "IGF 2023 workshop minimum criteria"
IGFTUI = "igftui (help for organisers)"
