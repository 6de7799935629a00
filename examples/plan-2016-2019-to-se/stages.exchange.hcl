# The stages of Adventure Works' move to Exchange Server SE, in date order.

stage "move-off-2016" {
  date        = "2025-08"
  description = "The 2016 mailboxes and databases to the 2019 DAG, and the Internet connector"

  change "server" "AW-EX16" {
    mailboxes = 0
    databases = 0
  }
  change "server" "AW-EX19-01" {
    mailboxes = 1100
    databases = 4
  }
  change "server" "AW-EX19-02" {
    mailboxes = 1100
    databases = 4
  }
  change "connector" "send" "Internet" {
    servers = ["AW-EX19-01", "AW-EX19-02"]
  }
}

stage "retire-2016" {
  date        = "2025-09"
  description = "Exchange 2016 removed; the 2019 servers on the August 2025 security update before the upgrade"

  change "certificate" "aw-mail-2026" {
    servers = ["AW-EX19-01", "AW-EX19-02"]
  }
  remove "server" "AW-EX16" {}
  change "server" "AW-EX19-01" {
    update = "CU15 Aug25SU"
  }
  change "server" "AW-EX19-02" {
    update = "CU15 Aug25SU"
  }
}

stage "upgrade-ex19-01" {
  date        = "2025-10-01"
  description = "In place from 2019 CU15 to SE, the first DAG member"

  change "server" "AW-EX19-01" {
    version = "SE"
    update  = "RTM Sep25HU"
  }
}

stage "upgrade-ex19-02" {
  date        = "2025-10-08"
  description = "In place from 2019 CU15 to SE, the second DAG member"

  change "server" "AW-EX19-02" {
    version = "SE"
    update  = "RTM Sep25HU"
  }
}
