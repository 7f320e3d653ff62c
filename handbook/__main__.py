from handbook.commands.cli import main

raise SystemExit(main())
