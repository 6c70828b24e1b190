"""The Reports tab (owners): grouped reports, drill-down, a chart per day, export and print."""
