def home(r): pass
def trial_list(r): pass
def trial_detail(r, slug): pass
def condition_list(r): pass
def condition_detail(r, slug): pass
def page_not_found(r, exception): pass
def server_error(r): pass
