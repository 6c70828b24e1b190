"""The counter: the Redemption tab, its panels, camera and sounds."""
