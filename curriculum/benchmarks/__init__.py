"""The measurements behind `atelier bench`: speed and memory, compared with budgets.

`curriculum.bench` holds the command and the list of measurements; this
package holds what they share (`core`), the measurements themselves
(`notebooks`, `imports`) and the report writers (`report`).
"""
