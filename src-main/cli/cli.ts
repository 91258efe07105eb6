// Placeholder: the CLI entry (issue 2).
process.stdout.write('netify-monitor\n')
