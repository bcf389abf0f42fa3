from django import template

from ..presentation import fee_text, rupiah, time_limit_text

register = template.Library()

register.filter("time_limit", time_limit_text)
register.filter("fee", fee_text)
register.filter("rupiah", rupiah)
