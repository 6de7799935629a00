# The stages of Northwind's journey, in date order.

stage "directory-sync" {
  date        = "2022-06"
  description = "Microsoft Entra Connect, and the domain verified in the tenant"

  add "directory_sync" {
    enabled                   = true
    tool                      = "entra_connect"
    host_os                   = "2019"
    sign_in                   = "password_hash_sync"
    exchange_hybrid_writeback = true
  }
  change "domain" "northwindtraders.com" {
    verified = true
  }
}

stage "hybrid" {
  date        = "2022-08"
  description = "An Exchange 2016 CU23 server runs the hybrid configuration"

  add "server" "NW-EX16" {
    site      = "Seattle"
    version   = "2016"
    update    = "CU23"
    roles     = ["mailbox"]
    os        = "2016"
    mailboxes = 0
  }
  change "certificate" "nw-mail-2023" {
    servers = ["NW-EX10", "NW-EX16"]
  }
  add "hybrid" {
    topology                  = "classic_full"
    servers                   = ["NW-EX16"]
    domains                   = ["northwindtraders.com"]
    tenants                   = ["northwindtraders.onmicrosoft.com"]
    certificate               = "nw-mail-2023"
    organization_relationship = true
    oauth                     = true
    inbound_ports             = [25, 443]
    outbound_ports            = [25, 443, 80]
  }
  add "migration" {
    method    = "hybrid"
    mailboxes = 650
    complete  = false
  }
}

stage "move-mailboxes" {
  date        = "2022-10"
  description = "Remote moves of every mailbox to Exchange Online"

  change "server" "NW-EX10" {
    mailboxes = 0
    databases = 0
  }
  change "migration" {
    complete = true
  }
}

stage "move-public-folders" {
  date        = "2022-12"
  description = "Public folders to Exchange Online, after the mailboxes"

  change "organization" "Northwind" {
    public_folders = "exchange_online"
  }
  change "server" "NW-EX10" {
    public_folders = false
  }
}

stage "retire-2010" {
  date = "2023-02"

  change "certificate" "nw-mail-2023" {
    servers = ["NW-EX16"]
  }
  remove "server" "NW-EX10" {}
}

stage "keep-management-tools" {
  date        = "2023-04"
  description = "Mail through Exchange Online, hybrid removed; the last server shut down, not uninstalled"

  change "domain" "northwindtraders.com" {
    mx           = "exchange_online"
    autodiscover = "exchange_online"
  }
  remove "hybrid" {}
  add "management_tools" {
    version = "2019"
    update  = "CU12"
  }
  change "server" "NW-EX16" {
    shut_down = true
  }
}
