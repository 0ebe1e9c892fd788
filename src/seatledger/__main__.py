from seatledger.cli.main import main

main()
