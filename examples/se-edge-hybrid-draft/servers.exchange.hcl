server "LW-EX01" {
  site    = "HQ"
  version = "SE"
  update  = "RTM Aug26SU"
  build   = "15.2.2562.46"
  roles   = ["mailbox"]
  os      = "2022"
  dotnet  = "4.8.1"
  network = "internal"
}

server "LW-EX02" {
  site    = "DR"
  version = "SE"
  update  = "RTM Aug26SU"
  build   = "15.2.2562.46"
  roles   = ["mailbox"]
  os      = "2022"
  dotnet  = "4.8.1"
  network = "internal"
}

# Not upgraded yet: still Exchange 2019, and two CUs behind.
server "LW-EX03" {
  site    = "HQ"
  version = "2019"
  update  = "CU13"
  roles   = ["mailbox"]
  os      = "2019"
  dotnet  = "4.8"
  network = "internal"
}

dag "LW-DAG01" {
  members = ["LW-EX01", "LW-EX02", "LW-EX03"]
  witness = "LW-FS01"
}

server "LW-EDGE01" {
  version        = "SE"
  update         = "RTM Aug26SU"
  roles          = ["edge_transport"]
  os             = "2022"
  dotnet         = "4.8.1"
  network        = "perimeter"
  edge_sync      = true
  edge_sync_site = "HQ"
}

# Built last week; not subscribed yet, and racked on the server VLAN.
server "LW-EDGE02" {
  version   = "SE"
  update    = "RTM Aug26SU"
  roles     = ["edge_transport"]
  os        = "2022"
  dotnet    = "4.8.1"
  network   = "internal"
  edge_sync = false
}
