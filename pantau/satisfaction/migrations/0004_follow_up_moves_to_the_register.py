"""The follow-up plans now live in the improvement register (issue 21): every action and its
history were copied by ``improvements.0002_carry_over_skm_follow_up``, so the old tables go."""

from django.db import migrations


class Migration(migrations.Migration):

    dependencies = [
        ('satisfaction', '0003_published_results_and_corrections'),
        ('improvements', '0002_carry_over_skm_follow_up'),
    ]

    operations = [
        migrations.RemoveField(
            model_name='historicalfollowupaction',
            name='history_user',
        ),
        migrations.RemoveField(
            model_name='historicalfollowupaction',
            name='period',
        ),
        migrations.DeleteModel(
            name='FollowUpAction',
        ),
        migrations.DeleteModel(
            name='HistoricalFollowUpAction',
        ),
    ]
